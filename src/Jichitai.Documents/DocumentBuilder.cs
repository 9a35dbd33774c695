using SkiaSharp;

namespace Jichitai.Documents;

/// <summary>
/// Builds an A4 PDF: add pages, lay out text boxes, frames, images and QR codes on them, then <see cref="Build"/>.
/// Page header/footer (with "n / m") are added at build time, when the page count is known. Fonts are embedded as
/// subsets of the glyphs used; text stays extractable. Same input and options → same bytes.
/// </summary>
public sealed class DocumentBuilder(DocumentFonts fonts, DocumentOptions? options = null) : IDisposable
{
    public const float PageWidthPt = 595.28f;
    public const float PageHeightPt = 841.89f;

    private readonly DocumentOptions options = options ?? new DocumentOptions();
    internal DocumentOptions Options => options;
    internal IReadOnlyList<FallbackUse> FallbacksSoFar => fallbacks.OrderBy(f => f.Key).Select(f => new FallbackUse(f.Key, f.Value)).ToList();
    internal IReadOnlyList<IgnoredVariationSelector> IgnoredSoFar => ignored;
    private readonly List<PageBuilder> pages = [];
    private readonly List<LayoutProblem> problems = [];
    private readonly Dictionary<int, string> fallbacks = [];
    private readonly List<IgnoredVariationSelector> ignored = [];
    private readonly List<IDisposable> owned = [];

    public DocumentBuilder(DocumentOptions? options = null) : this(DocumentFonts.Shipped, options) { }

    internal DocumentFonts Fonts { get; } = fonts;
    public int PageCount => pages.Count;
    /// <summary>Problems found so far (a layout can react, e.g. by moving text to a continuation sheet).</summary>
    public IReadOnlyList<LayoutProblem> Problems => problems;

    public PageBuilder AddPage()
    {
        var page = new PageBuilder(this, pages.Count + 1);
        pages.Add(page);
        return page;
    }

    public DocumentResult Build()
    {
        DecorateOnce();
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = options.Title,
            Author = options.Author,
            Creator = "JichitaiCloud",
            Producer = "JichitaiCloud",
            Creation = options.CreatedAt.UtcDateTime,
            Modified = options.CreatedAt.UtcDateTime,
            RasterDpi = options.RasterDpi,
            EncodingQuality = 101,
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            foreach (var page in pages)
            {
                var canvas = document.BeginPage(PageWidthPt, PageHeightPt);
                foreach (var command in page.Commands) command(canvas);
                document.EndPage();
            }
            document.Close();
        }
        return new DocumentResult(stream.ToArray(), pages.Count, problems.ToList(),
            fallbacks.OrderBy(f => f.Key).Select(f => new FallbackUse(f.Key, f.Value)).ToList(), ignored.ToList());
    }

    /// <summary>A page as a PNG (preview on screen, pictures of forms in the docs), drawn by the same commands as the PDF.</summary>
    public byte[] RenderPng(int pageNumber, float dpi = 100f)
    {
        DecorateOnce();
        var page = pages[pageNumber - 1];
        var scale = dpi / 72f;
        var info = new SKImageInfo((int)Math.Ceiling(PageWidthPt * scale), (int)Math.Ceiling(PageHeightPt * scale));
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(scale);
        foreach (var command in page.Commands) command(canvas);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private bool decorated;

    private void DecorateOnce()
    {
        if (pages.Count == 0) throw new InvalidOperationException("A document needs at least one page.");
        if (decorated) return;
        decorated = true;
        foreach (var page in pages) Decorate(page, pages.Count);
    }

    /// <summary>Header, footer and "n / m" of one page; they are measured like any text, so their problems are reported too.</summary>
    internal void Decorate(PageBuilder page, int total)
    {
        var margin = options.HeaderFooterMarginMm;
        var band = Units.ToMm(options.HeaderFooterSize * 1.4f);
        var style = new TextStyle { Size = options.HeaderFooterSize, MinSize = options.HeaderFooterSize, Fit = TextFit.ShrinkOnly };
        var inner = A4.WidthMm - 2 * margin;
        if (options.Header.Length > 0) page.Text(new Box(margin, margin, inner, band), options.Header, style, "ヘッダー");
        var footerTop = A4.HeightMm - margin - band;
        if (options.Footer.Length > 0) page.Text(new Box(margin, footerTop, inner, band), options.Footer, style, "フッター");
        if (options.PageNumbers)
            page.Text(new Box(margin, footerTop, inner, band), $"{page.Number} / {total}", style with { Align = HorizontalAlign.Center }, "ページ番号");
    }

    internal void Record(int page, string label, TextReport report, bool fits, float minSize)
    {
        foreach (var (cp, family) in report.Fallbacks) fallbacks.TryAdd(cp, family);
        ignored.AddRange(report.IgnoredSelectors.Select(s => new IgnoredVariationSelector(s.Base, s.Selector)));
        if (report.MissingCodePoints.Count > 0)
            problems.Add(new LayoutProblem(ProblemKind.MissingCharacter, page, label,
                $"{page}ページ「{label}」: どのフォントにもない文字があります({string.Join("、", report.MissingCodePoints.Select(cp => $"U+{cp:X4}"))})。",
                report.MissingCodePoints.ToList()));
        if (!fits)
            problems.Add(new LayoutProblem(ProblemKind.TextOverflow, page, label,
                $"{page}ページ「{label}」: {minSize}ポイントまで縮小しても枠に収まりません。", []));
    }

    internal void Own(IDisposable resource) => owned.Add(resource);

    public void Dispose()
    {
        foreach (var resource in owned) resource.Dispose();
        owned.Clear();
    }
}
