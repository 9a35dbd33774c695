using Jichitai.Documents;

namespace Jichitai.Registry.Features.Certificates.Rendering;

// Interim renderer until the layouts land from the forms branch: prints the title, names and codes only.
public static class CertificateRenderer
{
    public static DocumentResult Render(CertificateInput input, DocumentFonts? fonts = null)
    {
        using var doc = Build(input, fonts);
        return doc.Build();
    }

    /// <summary>The laid-out document, not yet written: the caller builds the PDF and may draw pages as PNG (見本).</summary>
    public static DocumentBuilder Build(CertificateInput input, DocumentFonts? fonts = null)
    {
        var doc = new DocumentBuilder(fonts ?? DocumentFonts.Shipped, new DocumentOptions
        {
            Title = CertificateNames.Kind(input.Kind), CreatedAt = input.IssuedAt, Footer = $"発行番号 {input.IssueNumber}",
        });
        var page = doc.AddPage();
        page.Text(new Box(20, 20, 170, 12), CertificateNames.Kind(input.Kind), new TextStyle { Size = 18, Align = HorizontalAlign.Center });
        var y = 40f;
        foreach (var s in input.Subjects)
        {
            page.Text(new Box(20, y, 170, 8), $"{s.Record.FullName} {s.Record.Address.Display}" + (s.PersonalNumber is null ? "" : $" 個人番号 {s.PersonalNumber}"));
            y += 10;
        }
        page.Text(new Box(20, 250, 170, 8), $"照合番号 {Platform.Authenticity.VerificationCode.Format(input.VerificationCode)}");
        if (input.Sample) page.Text(new Box(20, 120, 170, 40), "見本", new TextStyle { Size = 72, Align = HorizontalAlign.Center });
        else page.QrCode(new Box(20, 260, 20, 20), input.VerifyUrl);
        return doc;
    }
}
