// Node workers and libtorch each keep a core busy; on a 2-core machine parallel tests would only slow each other down.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
