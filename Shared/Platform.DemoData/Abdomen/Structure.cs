namespace Platform.DemoData.Abdomen;

/// <summary>What a structure is made of; a modality gives each tissue its intensity per case (<see cref="TissueContrast"/>).</summary>
internal enum Tissue { Fat, SoftTissue, Bowel, Bone, Vessel, Liver, Kidney, Spleen }

/// <summary>
/// One piece of anatomy: its shape, the label its voxels get, its tissue, and its own offset from that tissue's
/// intensity in units of the case's noise σ (a lesion's signed contrast-to-noise ratio; a bowel loop's contents).
/// Lesions are made of their organ's tissue, so their contrast is relative to the organ they sit in.
/// </summary>
internal sealed record Structure(Blob Shape, byte Label, Tissue Tissue, double Offset = 0);
