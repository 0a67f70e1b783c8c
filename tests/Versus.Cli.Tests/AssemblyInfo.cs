// The end-to-end tests start real workers that measure time; running them side by side would make them compete for
// the machine's cores (and trip their timeouts on a 2-core machine), so this assembly runs its tests one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
