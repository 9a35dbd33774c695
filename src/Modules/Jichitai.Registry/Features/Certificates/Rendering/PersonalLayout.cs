using Jichitai.Documents;

namespace Jichitai.Registry.Features.Certificates.Rendering;

/// <summary>個人票: each person on their own page(s), one ruled table of items flowing onto continuation pages.</summary>
internal static class PersonalLayout
{
    private const float RowHeight = 9f;

    public static CertificateSheet Lay(DocumentBuilder document, CertificateInput input)
    {
        var sheet = new CertificateSheet(document, input);
        foreach (var subject in input.Subjects)
        {
            sheet.NewPage();
            var rows = ItemRows.For(subject, input, inHouseholdBlock: false);
            rows.AddRange(CertifiedItems(input));
            foreach (var row in rows)
            {
                var height = CertificateSheet.HeightOf(row, RowHeight);
                if (!sheet.Fits(height)) sheet.NewPage();
                sheet.Draw(row, height);
            }
        }
        return sheet;
    }

    /// <summary>記載事項証明書: the items the requester asked to be certified, after the base items (標準20.1.4).</summary>
    public static IEnumerable<ItemRow> CertifiedItems(CertificateInput input) =>
        CertificateWording.IsItemCertificate(input.Kind)
            ? input.CertifiedItems.Select((item, i) => new ItemRow(i == 0 ? "証明事項" : "", item))
            : [];
}
