// Engines are measured one at a time elsewhere; here workers of several engines would compete for two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
