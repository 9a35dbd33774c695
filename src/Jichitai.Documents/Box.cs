namespace Jichitai.Documents;

/// <summary>A rectangle on the page in millimetres from the top-left corner, the unit 帳票 designs are drawn in.</summary>
public readonly record struct Box(float X, float Y, float Width, float Height)
{
    public float Right => X + Width;
    public float Bottom => Y + Height;

    /// <summary>The same box shrunk by a margin on every side (cell padding).</summary>
    public Box Inset(float margin) => new(X + margin, Y + margin, Math.Max(0, Width - 2 * margin), Math.Max(0, Height - 2 * margin));
}

/// <summary>Millimetres and PDF points (1/72 inch).</summary>
public static class Units
{
    public const float PointsPerMm = 72f / 25.4f;
    public static float ToPoints(float mm) => mm * PointsPerMm;
    public static float ToMm(float points) => points / PointsPerMm;
}

/// <summary>A4 portrait, the paper of every certificate and notice.</summary>
public static class A4
{
    public const float WidthMm = 210f;
    public const float HeightMm = 297f;
}
