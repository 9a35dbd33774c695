namespace Jichitai.Documents;

public enum HorizontalAlign { Left, Center, Right, /// <summary>均等割り: the characters spread over the whole width (labels such as 氏名).</summary>
    Distributed }

public enum VerticalAlign { Top, Middle, Bottom }

/// <summary>What to do when text does not fit its box at the preferred size (文字溢れ). Text is never cut.</summary>
public enum TextFit
{
    /// <summary>Wrap into several lines; if they are too tall, wrap again at smaller sizes down to the minimum.</summary>
    WrapThenShrink,
    /// <summary>Keep one line and shrink down to the minimum; only then wrap (names, 本籍 on one line when possible).</summary>
    ShrinkThenWrap,
    /// <summary>One line only, shrinking down to the minimum.</summary>
    ShrinkOnly,
}

/// <summary>How a text box is set: preferred and minimum size in points, alignment, fitting, line spacing.</summary>
public sealed record TextStyle
{
    public float Size { get; init; } = 10.5f;
    /// <summary>The smallest size the text may shrink to; below it the box is reported as overflowing.</summary>
    public float MinSize { get; init; } = 6f;
    public HorizontalAlign Align { get; init; } = HorizontalAlign.Left;
    public VerticalAlign VerticalAlign { get; init; } = VerticalAlign.Top;
    public TextFit Fit { get; init; } = TextFit.WrapThenShrink;
    /// <summary>Line advance as a multiple of the size.</summary>
    public float LineSpacing { get; init; } = 1.3f;

    public static TextStyle Default { get; } = new();
    public TextStyle WithSize(float size) => this with { Size = size, MinSize = Math.Min(MinSize, size) };
}
