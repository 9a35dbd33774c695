using System.Text;
using UglyToad.PdfPig;

namespace Jichitai.Documents.Tests;

/// <summary>Reads back what a PDF says, with PdfPig (as a search engine or copy-paste would).</summary>
internal static class Pdf
{
    public static string PageText(byte[] pdf, int page)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPage(page).Letters.Select(l => l.Value));
    }

    public static string AllText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var text = new StringBuilder();
        foreach (var page in document.GetPages()) text.Append(string.Concat(page.Letters.Select(l => l.Value)));
        return text.ToString();
    }

    public static int PageCount(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    public static DocumentResult Single(Action<PageBuilder> draw, DocumentFonts? fonts = null, DocumentOptions? options = null)
    {
        using var builder = new DocumentBuilder(fonts ?? DocumentFonts.Shipped, options ?? new DocumentOptions { PageNumbers = false });
        draw(builder.AddPage());
        return builder.Build();
    }
}
