using Platform.Imaging.Volumes;

namespace Platform.Training.Plans;

/// <summary>What a patch-mode plan cuts (<see cref="PlanInterpretation.PatchCutting"/>).</summary>
/// <param name="SourcePlan">The plan whose preprocessed cases are cut.</param>
/// <param name="PatchSize">Patch (x, y, z) in the source's stored voxels.</param>
/// <param name="Overlap">FRAN's patch_overlap: the fraction of a patch its neighbours share at least.</param>
public sealed record PatchCutting(string SourcePlan, Shape3 PatchSize, double Overlap);
