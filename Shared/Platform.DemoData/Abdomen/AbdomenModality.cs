namespace Platform.DemoData.Abdomen;

/// <summary>
/// What the image looks like. CT: Hounsfield units in int16, tissue values from clinical (portal-venous) ranges,
/// a weak bias field, Gaussian noise. MR: positive float32 in arbitrary units with a per-case scale (so only a
/// per-case z-score makes cases comparable), T1-like contrasts, a strong multiplicative bias field, Rician noise.
/// </summary>
public enum AbdomenModality { Ct, Mr }
