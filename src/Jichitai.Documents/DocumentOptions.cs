namespace Jichitai.Documents;

/// <summary>Document-wide settings: metadata (fixed, so the same input gives the same bytes) and the page frame.</summary>
public sealed record DocumentOptions
{
    public string Title { get; init; } = "";
    public string Author { get; init; } = "";
    /// <summary>Written as the PDF's creation and modification date; a fixed value keeps the output reproducible.</summary>
    public DateTimeOffset CreatedAt { get; init; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    /// <summary>Text at the top left of every page (e.g. the form name), or empty.</summary>
    public string Header { get; init; } = "";
    /// <summary>Print "n / m" centred at the foot of every page.</summary>
    public bool PageNumbers { get; init; } = true;
    /// <summary>Text at the bottom left of every page, or empty.</summary>
    public string Footer { get; init; } = "";
    public float HeaderFooterSize { get; init; } = 8f;
    /// <summary>Distance of header and footer from the paper edge.</summary>
    public float HeaderFooterMarginMm { get; init; } = 8f;
    /// <summary>What a text box that fits nowhere shows (standard 5.8: a tenant parameter for certificates). Always reported.</summary>
    public OverflowOutput Overflow { get; init; } = OverflowOutput.Whole;
    /// <summary>Raster resolution Skia uses for anything it cannot keep as vectors.</summary>
    public float RasterDpi { get; init; } = 300f;
}

/// <summary>標準 5.8 文字溢れ: how an overflowing item is printed; the problem is reported in every case.</summary>
public enum OverflowOutput
{
    /// <summary>The whole text at the minimum size, running past the box (nothing lost).</summary>
    Whole,
    /// <summary>限界まで出力: as much as the box holds, cut at its edge.</summary>
    UpToTheLimit,
    /// <summary>空白で出力: the item is left blank.</summary>
    Blank,
}
