using Jichitai.Documents;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Platform.Dates;
using Jichitai.Registry.Features.Restrictions;

namespace Jichitai.Registry.Features.Certificates.Rendering;

/// <summary>Notices to the person (no 認証文): 住民票コード通知票 (標準4.3.3, 20.4.1) and 支援措置期間終了通知 (標準3.4, 20.5.1).</summary>
internal static class NoticeLayouts
{
    private const float RowHeight = 10f;

    /// <summary>住基法30条の3: the 住民票コード recorded is notified to the person; one page per person.</summary>
    public static CertificateSheet ResidentCode(DocumentBuilder document, CertificateInput input)
    {
        var sheet = new CertificateSheet(document, input);
        foreach (var subject in input.Subjects)
        {
            var r = subject.Record;
            sheet.NewPage();
            Addressee(sheet, subject);
            sheet.Paragraph("あなたの住民票に記載された住民票コードをお知らせします。", 8);
            Rows(sheet,
            [
                new ItemRow("氏名", ItemRows.NameLine(r, input.PrintKana), ValueFit.Name),
                new ItemRow("生年月日", ItemRows.BirthDate(r), Label2: "性別", Value2: r.Gender.Label()),
                new ItemRow("住所", ItemRows.AddressLine(r)),
                new ItemRow("住民票コード", r.ResidentCode ?? ""),
            ]);
            sheet.Y += 4;
            sheet.Paragraph(
                "・住民票コードは、住民基本台帳ネットワークシステムで本人確認を行うために住民票に記載される11桁の番号です（住民基本台帳法第30条の3）。\n" +
                "・住民票コードは、住所地の市区町村長に請求して、いつでも変更することができます（同法第30条の4）。\n" +
                "・住民票コードの記載された住民票の写しは、本人又は同一世帯の方から特に請求があった場合に限り交付されます（同法第12条第5項）。\n" +
                "・民間の事業者が、契約などに際して住民票コードを告知するよう求めることや、住民票コードを記録したデータベースを作ることは禁止されています（同法第30条の43）。\n" +
                "・この通知票は大切に保管してください。", 60, 9.5f);
        }
        return sheet;
    }

    /// <summary>標準3.4: the period of the 支援措置 ends (or ended); extension may be asked from one month before the end.</summary>
    public static CertificateSheet SupportMeasureEnd(DocumentBuilder document, CertificateInput input)
    {
        var period = input.SupportMeasure!;
        var subject = input.Subjects[0];
        var sheet = new CertificateSheet(document, input);
        sheet.NewPage();
        Addressee(sheet, subject);
        var opens = RestrictionRules.ExtensionOpensOn(period.EndOn);
        var end = WarekiFormatter.Format(period.EndOn);
        sheet.Paragraph(period.EndedOn is { } ended
            ? $"あなたから申出のあった住民基本台帳事務における支援措置は、{WarekiFormatter.Format(ended)}をもって終了しました。"
            : $"あなたから申出のあった住民基本台帳事務における支援措置の期間は、{end}をもって終了します。", 14);
        Rows(sheet,
        [
            new ItemRow("氏名", ItemRows.NameLine(subject.Record, input.PrintKana), ValueFit.Name),
            new ItemRow("支援措置の期間", $"{WarekiFormatter.Format(period.StartOn)}から{end}まで"),
            period.EndedOn is { } e
                ? new ItemRow("終了した日", WarekiFormatter.Format(e))
                : new ItemRow("延長の申出", $"{WarekiFormatter.Format(opens)}から{end}まで"),
        ]);
        sheet.Y += 4;
        sheet.Paragraph(period.EndedOn is null
            ? $"引き続き支援措置を必要とする場合は、期間が終了する日の1か月前（{WarekiFormatter.Format(opens)}）から、延長の申出をしてください。" +
              "延長後の期間は、終了する日の翌日から1年間です。申出の際は、本人確認書類をお持ちください。\n" +
              "延長の申出がない場合、期間の終了とともに支援措置は終了し、住民票の写し等の交付及び住民基本台帳の一部の写しの閲覧の制限はなくなります。"
            : "改めて支援措置を必要とする場合は、新たに支援措置の申出をしてください。申出の際は、本人確認書類をお持ちください。", 40, 10f);
        return sheet;
    }

    /// <summary>宛先: the person's address and name with 様.</summary>
    private static void Addressee(CertificateSheet sheet, CertificateSubject subject)
    {
        var r = subject.Record;
        sheet.Page.Text(new Box(CertificateSheet.Left, sheet.Y, 120, 10), ItemRows.AddressLine(r),
            new TextStyle { Size = 10.5f, MinSize = 6f, Fit = TextFit.WrapThenShrink }, "宛先住所");
        sheet.Page.Text(new Box(CertificateSheet.Left, sheet.Y + 11, 120, 8), $"{ItemRows.NameLine(r, kana: false)}　様",
            new TextStyle { Size = 13f, MinSize = 7f, Fit = TextFit.ShrinkThenWrap }, "宛名");
        sheet.Y += 24;
    }

    private static void Rows(CertificateSheet sheet, IEnumerable<ItemRow> rows)
    {
        foreach (var row in rows) sheet.Draw(row, CertificateSheet.HeightOf(row, RowHeight));
    }
}
