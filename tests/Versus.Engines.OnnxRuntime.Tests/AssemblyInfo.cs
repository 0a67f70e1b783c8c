// Both engines size their thread pools per process and the machine may have two cores: parallel tests would only
// slow each other down, and the allocation test reads per-thread counters.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
