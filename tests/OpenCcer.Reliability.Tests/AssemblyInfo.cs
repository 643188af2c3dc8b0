// Each test here runs the server as its own process; run them one at a time so that a shared machine
// is not asked to start and seed several servers at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
