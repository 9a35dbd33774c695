using Jichitai.Documents;

namespace Jichitai.Registry.Features.Certificates.Rendering;

/// <summary>
/// Lays out the 住民記録 certificates and notices as A4 PDFs (標準 第5章; forms of 第4章 20.1–20.5). Layouts are described
/// in docs/certificates.md.
/// </summary>
public static class CertificateRenderer
{
    /// Renders the certificate; never decides who may see what: prints exactly input.Items (plus the always-printed base items).
    public static DocumentResult Render(CertificateInput input, DocumentFonts? fonts = null)
    {
        using var document = Build(input, fonts);
        return document.Build();
    }

    /// <summary>The pages as PNG pictures (counter preview; the samples in docs/forms), drawn by the same commands as the PDF.</summary>
    public static IReadOnlyList<byte[]> RenderPages(CertificateInput input, float dpi = 100f, DocumentFonts? fonts = null)
    {
        using var document = Build(input, fonts);
        return Enumerable.Range(1, document.PageCount).Select(page => document.RenderPng(page, dpi)).ToList();
    }

    /// <summary>The laid-out document, not yet written: the caller builds the PDF and may also draw its pages (見本).</summary>
    public static DocumentBuilder Build(CertificateInput input, DocumentFonts? fonts = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Subjects.Count == 0) throw new ArgumentException("証明書に記載する者がいません。", nameof(input));
        if (input.Kind is CertificateKind.RemovedRecordCopy or CertificateKind.RemovedItemCertificate && input.Layout == CertificateLayout.Household)
            throw new ArgumentException("除票の写しは個人票のみです(標準20.1.3)。", nameof(input));
        if (input.Kind == CertificateKind.SupportMeasureEndNotice && input.SupportMeasure is null)
            throw new ArgumentException("支援措置期間終了通知には支援措置の期間が必要です。", nameof(input));

        var document = new DocumentBuilder(fonts ?? DocumentFonts.Shipped, new DocumentOptions
        {
            Title = CertificateWording.Title(input),
            Author = input.Issuer.PrefectureName + input.Issuer.MunicipalityName,
            CreatedAt = input.IssuedAt,
            PageNumbers = false, // "n/m" is part of the 発行番号 (標準5.5)
            Overflow = input.Overflow,
        });
        try
        {
            var sheet = input.Kind switch
            {
                CertificateKind.ResidentCodeNotice => NoticeLayouts.ResidentCode(document, input),
                CertificateKind.SupportMeasureEndNotice => NoticeLayouts.SupportMeasureEnd(document, input),
                _ when input.Layout == CertificateLayout.Household => HouseholdLayout.Lay(document, input),
                _ => PersonalLayout.Lay(document, input),
            };
            sheet.Finish();
            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }
}
