// WebApplicationFactory finds the host being built through a process-wide diagnostic listener, so two factories
// starting at the same moment can pick up each other's host. Test classes here start hosts; run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
