// libtorch's thread pools are process-wide and the machine may have two cores: tests that each ask for all of them
// would only slow each other down, and the leak test reads per-thread tensor counters.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
