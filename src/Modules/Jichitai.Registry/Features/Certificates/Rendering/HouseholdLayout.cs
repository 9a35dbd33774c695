using Jichitai.Documents;
using Jichitai.Platform.Dates;

namespace Jichitai.Registry.Features.Certificates.Rendering;

/// <summary>
/// 世帯連記式: a header with the household's 住所 (and 世帯主 when requested) on every sheet, then the people in stacked
/// blocks, at most four per sheet, in the order given (標準5.2 order, <see cref="HouseholdOrder"/>); more people go on
/// further sheets.
/// </summary>
internal static class HouseholdLayout
{
    public const int PeoplePerSheet = 4;
    private const float RowHeight = 6.2f;
    private const float HeaderRowHeight = 8f;
    private const float BlockGap = 2f;

    public static CertificateSheet Lay(DocumentBuilder document, CertificateInput input)
    {
        var header = HeaderRows(input);
        var sheet = new CertificateSheet(document, input)
        {
            PageHeader = s =>
            {
                foreach (var row in header) s.Draw(row, CertificateSheet.HeightOf(row, HeaderRowHeight));
                s.Y += 3f;
            },
        };
        sheet.NewPage();
        var onSheet = 0;
        var sheetEmpty = true;
        var blocks = input.Subjects.Select(s => ItemRows.For(s, input, inHouseholdBlock: true)).ToList();
        var certified = PersonalLayout.CertifiedItems(input).ToList();
        if (certified.Count > 0) blocks.Add(certified);
        for (var b = 0; b < blocks.Count; b++)
        {
            var heights = blocks[b].Select(r => CertificateSheet.HeightOf(r, RowHeight)).ToList();
            var person = b < input.Subjects.Count;
            if (!sheetEmpty && ((person && onSheet == PeoplePerSheet) || !sheet.Fits(heights.Sum())))
            {
                sheet.NewPage();
                onSheet = 0;
            }
            sheetEmpty = false;
            var top = sheet.Y;
            var page = sheet.Page;
            for (var i = 0; i < blocks[b].Count; i++)
            {
                // A block taller than a whole sheet (a long 異動履歴) continues on the next one.
                if (!sheet.Fits(heights[i]))
                {
                    page.Frame(new Box(CertificateSheet.Left, top, CertificateSheet.Width, sheet.Y - top), 1.4f);
                    sheet.NewPage();
                    onSheet = 0;
                    top = sheet.Y;
                    page = sheet.Page;
                }
                sheet.Draw(blocks[b][i], heights[i]);
            }
            page.Frame(new Box(CertificateSheet.Left, top, CertificateSheet.Width, sheet.Y - top), 1.4f);
            sheet.Y += BlockGap;
            if (person) onSheet++;
        }
        return sheet;
    }

    private static List<ItemRow> HeaderRows(CertificateInput input)
    {
        var first = input.Subjects[0];
        var rows = new List<ItemRow> { new("住所", ItemRows.AddressLine(first.Record)) };
        if (input.Items.HasFlag(CertificateItems.HeadAndRelationship))
        {
            var head = input.Subjects.FirstOrDefault(s => s.Record.IsHead);
            rows.Add(new ItemRow("世帯主", first.HeadName ?? (head is null ? "" : ItemRows.NameLine(head.Record, kana: false)), ValueFit.Name));
        }
        // 転出証明書 of people moving together: the destination and date once, in the header (住基法施行令23条).
        if (CertificateWording.IsMoveOut(input.Kind) && first.Record.MoveOut is { } move)
            rows.Add(new ItemRow("転出先", move.Abroad ? $"{move.Destination}（国外）" : move.Destination,
                Label2: "転出予定年月日", Value2: WarekiFormatter.Format(move.PlannedDate)));
        return rows;
    }
}
