// Load levels time real requests on a small machine: two probes at once would measure each other.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
