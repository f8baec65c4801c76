// libtorch's thread count and deterministic-algorithm switch are process-wide; the resume-identity tests set them,
// so no other torch test may run beside them. On two cores parallel test classes gain little anyway.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
