using SkiaSharp;

namespace Jichitai.Documents;

/// <summary>What a streamed PDF became: pages written and the problems found (the PDF itself went to the caller's stream).</summary>
public sealed record StreamedDocument(int PageCount, IReadOnlyList<LayoutProblem> Problems, IReadOnlyList<FallbackUse> Fallbacks)
{
    public bool IsComplete => Problems.Count == 0;
}

/// <summary>
/// A PDF written page by page straight into a stream: each page is drawn and released as soon as the next one begins,
/// so a batch of thousands of notices never holds more than one page in memory. The page count must be known up front
/// when page numbers ("n / m") are printed.
/// </summary>
public sealed class StreamingDocument : IDisposable
{
    private readonly DocumentBuilder builder;
    private readonly SKDocument pdf;
    private readonly int? totalPages;
    private PageBuilder? current;
    private int written;
    private bool closed;

    public StreamingDocument(Stream output, DocumentOptions options, int? totalPages = null, DocumentFonts? fonts = null)
    {
        if (options.PageNumbers && totalPages is null) throw new ArgumentException("Page numbers need the total page count.", nameof(totalPages));
        builder = new DocumentBuilder(fonts ?? DocumentFonts.Shipped, options);
        this.totalPages = totalPages;
        pdf = SKDocument.CreatePdf(output, new SKDocumentPdfMetadata
        {
            Title = options.Title, Author = options.Author, Creator = "JichitaiCloud", Producer = "JichitaiCloud",
            Creation = options.CreatedAt.UtcDateTime, Modified = options.CreatedAt.UtcDateTime, RasterDpi = options.RasterDpi, EncodingQuality = 101,
        });
    }

    /// <summary>Problems found so far (all pages).</summary>
    public IReadOnlyList<LayoutProblem> Problems => builder.Problems;

    /// <summary>Writes the page being laid out (if any) and starts the next one.</summary>
    public PageBuilder NextPage()
    {
        ObjectDisposedException.ThrowIf(closed, this);
        Flush();
        current = builder.AddPage();
        return current;
    }

    /// <summary>Writes the last page and finishes the PDF.</summary>
    public StreamedDocument Close()
    {
        if (!closed)
        {
            Flush();
            if (written == 0) throw new InvalidOperationException("A document needs at least one page.");
            pdf.Close();
            closed = true;
        }
        return new StreamedDocument(written, builder.Problems.ToList(), builder.FallbacksSoFar);
    }

    private void Flush()
    {
        if (current is null) return;
        builder.Decorate(current, totalPages ?? 0);
        var canvas = pdf.BeginPage(DocumentBuilder.PageWidthPt, DocumentBuilder.PageHeightPt);
        foreach (var command in current.Commands) command(canvas);
        pdf.EndPage();
        current.Commands.Clear(); // the page is in the stream; its layout is no longer needed
        current = null;
        written++;
    }

    public void Dispose()
    {
        pdf.Dispose();
        builder.Dispose();
    }
}
