using System.Text;
using UglyToad.PdfPig;

namespace Jichitai.Care.Tests.Notices;

/// <summary>Reads back what a PDF says (as search or copy-paste would), with PdfPig.</summary>
internal static class PdfText
{
    public static bool IsPdf(byte[] pdf) => pdf.Length > 1000 && Encoding.ASCII.GetString(pdf, 0, 5) == "%PDF-";

    public static int Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    public static string Page(byte[] pdf, int page)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPage(page).Letters.Select(l => l.Value)).Replace(" ", "");
    }
}
