using Jichitai.Registry.Domain.Codes;
using Jichitai.Platform.Dates;
using Jichitai.Registry.Residents;

namespace Jichitai.Registry.Features.Certificates.Rendering;

/// <summary>How a value is fitted (標準5.8): names and 本籍 stay on one line as long as they can, addresses wrap first.</summary>
internal enum ValueFit { Name, Text }

/// <summary>One ruled row: a label and its value, optionally a second pair on the same row.</summary>
internal sealed record ItemRow(string Label, string Value, ValueFit Fit = ValueFit.Text, string? Label2 = null, string? Value2 = null, ValueFit Fit2 = ValueFit.Text)
{
    public bool IsPair => Label2 is not null;
}

/// <summary>
/// Which items of a person a certificate prints, in the order of the 住民票 (住基法7条, 30条の45). The base items are
/// always printed; each optional one only when its flag is in <see cref="CertificateInput.Items"/> (住基法12条5項, 標準5.1).
/// </summary>
internal static class ItemRows
{
    /// <param name="inHouseholdBlock">世帯連記式: the address and the 世帯主's name are in the sheet's header, not in each block.</param>
    public static List<ItemRow> For(CertificateSubject subject, CertificateInput input, bool inHouseholdBlock)
    {
        var r = subject.Record;
        var items = input.Items;
        var foreign = r.Kind == ResidentKind.Foreign ? r.Foreign : null;
        var relationship = items.HasFlag(CertificateItems.HeadAndRelationship);
        var name = NameLine(r, input.PrintKana);
        // 世帯連記式 blocks are compact (four people a sheet): 続柄 beside the name, the two dates on one row.
        var rows = new List<ItemRow>
        {
            inHouseholdBlock && relationship ? new("氏名", name, ValueFit.Name, "続柄", r.Relationship) : new("氏名", name, ValueFit.Name),
            new("生年月日", BirthDate(r), Label2: "性別", Value2: r.Gender.Label()),
        };
        if (relationship && !inHouseholdBlock)
            rows.Add(new ItemRow("世帯主", subject.HeadName ?? (r.IsHead ? NameLine(r, kana: false) : ""), ValueFit.Name, "続柄", r.Relationship));

        if (!inHouseholdBlock) rows.Add(new ItemRow("住所", AddressLine(r)));

        // 転出証明書: 施行令23条 lists 氏名・生年月日・性別・世帯主・続柄・戸籍の表示・住所・個人番号・住民票コード and 転出先・転出予定年月日,
        // not the dates of becoming a resident or of setting the address.
        if (!CertificateWording.IsMoveOut(input.Kind)) AddResidenceDates(rows, r, foreign is not null, inHouseholdBlock);

        if (foreign is not null)
            rows.Add(new ItemRow("国籍・地域", foreign.Nationality, Label2: "法第30条の45に規定する区分", Value2: foreign.Category.Label()));

        if (items.HasFlag(CertificateItems.DomicileAndHead) && foreign is null)
            rows.Add(new ItemRow("本籍", r.Domicile ?? "", ValueFit.Name, "筆頭者", r.DomicileHead ?? "", ValueFit.Name));

        var code = items.HasFlag(CertificateItems.ResidentCode);
        var number = items.HasFlag(CertificateItems.PersonalNumber);
        if (code && number) rows.Add(new ItemRow("住民票コード", r.ResidentCode ?? "", Label2: "個人番号", Value2: subject.PersonalNumber ?? ""));
        else if (code) rows.Add(new ItemRow("住民票コード", r.ResidentCode ?? ""));
        else if (number) rows.Add(new ItemRow("個人番号", subject.PersonalNumber ?? ""));

        if (items.HasFlag(CertificateItems.PreviousAddress) && r.PreviousAddress is { } prior && prior.Text.Length > 0)
            rows.Add(new ItemRow("前住所", prior.Abroad ? $"{prior.Text}（国外）" : prior.Text));

        if (items.HasFlag(CertificateItems.FormerSurname) && !string.IsNullOrEmpty(r.FormerSurname))
            rows.Add(new ItemRow("旧氏", WithKana(r.FormerSurname, r.FormerSurnameKana, input.PrintKana), ValueFit.Name));

        if (foreign is not null && items.HasFlag(CertificateItems.CommonName))
        {
            if (!string.IsNullOrEmpty(foreign.CommonName))
                rows.Add(new ItemRow("通称", WithKana(foreign.CommonName, foreign.CommonNameKana, input.PrintKana), ValueFit.Name));
            if (foreign.CommonNameHistory.Count > 0)
                rows.Add(new ItemRow("通称の記載及び削除", string.Join("\n", foreign.CommonNameHistory.Select(CommonNameLine))));
        }

        if (foreign is not null && items.HasFlag(CertificateItems.ResidenceDetails))
        {
            rows.Add(new ItemRow("在留資格", foreign.ResidenceStatus ?? "", Label2: "在留期間等", Value2: foreign.PeriodOfStay ?? ""));
            var card = foreign.Category.CardNumberItem();
            rows.Add(card == ResidenceCardNumberItem.None
                ? new ItemRow("在留期間の満了の日", Date(foreign.StayExpiresOn))
                : new ItemRow("在留期間の満了の日", Date(foreign.StayExpiresOn), Label2: card.Label(), Value2: foreign.CardNumber ?? ""));
        }

        if (CertificateWording.IsRemovedRecord(input.Kind))
            rows.Add(new ItemRow("消除された年月日", Date(r.RemovedOn), Label2: "消除の事由", Value2: r.RemovalReason?.Label() ?? ""));
        // 除票 of a 転出 and the 転出証明書 name the destination (住基法施行令23条). A copy of a current 住民票 never does:
        // before the planned date the items recorded from the 転出届 are left out (標準5.1).
        if ((CertificateWording.IsRemovedRecord(input.Kind) || CertificateWording.IsMoveOut(input.Kind) && !inHouseholdBlock) && r.MoveOut is { } move)
        {
            rows.Add(new ItemRow("転出先", move.Abroad ? $"{move.Destination}（国外）" : move.Destination));
            if (CertificateWording.IsMoveOut(input.Kind)) rows.Add(new ItemRow("転出予定年月日", WarekiFormatter.Format(move.PlannedDate)));
        }

        if (items.HasFlag(CertificateItems.MovementHistory))
            rows.AddRange(subject.History.Select((h, i) => new ItemRow(i == 0 ? "異動履歴" : "", HistoryLine(h))));
        return rows;
    }

    private static void AddResidenceDates(List<ItemRow> rows, ResidentRecord r, bool foreign, bool inHouseholdBlock)
    {
        var became = (Label: foreign ? "外国人住民となった年月日" : "住民となった年月日", Value: WarekiFormatter.Format(r.BecameResidentOn));
        var set = (Label: "住所を定めた年月日", Value: $"{WarekiFormatter.Format(r.AddressSetOn)}（{WarekiFormatter.Format(r.AddressNotifiedOn)}届出）");
        if (inHouseholdBlock) rows.Add(new ItemRow(became.Label, became.Value, Label2: set.Label, Value2: set.Value, Fit2: ValueFit.Name));
        else rows.AddRange([new ItemRow(became.Label, became.Value), new ItemRow(set.Label, set.Value)]);
    }

    /// <summary>氏名 (外国人住民: アルファベット氏名 and 漢字氏名 if any, 標準1.1.8); フリガナ in brackets when chosen (標準5.3).</summary>
    public static string NameLine(ResidentRecord r, bool kana)
    {
        var name = r.FullName;
        if (r.Kind == ResidentKind.Foreign && r.Foreign is { } f && f.AlphabetName.Length > 0 && !string.IsNullOrEmpty(r.FamilyName))
            name = $"{f.AlphabetName}　{r.FamilyName}　{r.GivenName}".TrimEnd('　');
        return kana && r.FullNameKana.Length > 0 ? $"{name}　（{r.FullNameKana}）" : name;
    }

    private static string WithKana(string value, string? kana, bool print) =>
        print && !string.IsNullOrEmpty(kana) ? $"{value}　（{kana}）" : value;

    /// <summary>標準1.1.9: 和暦, except the birth date of 外国人住民, written in 西暦.</summary>
    public static string BirthDate(ResidentRecord r) =>
        r.Kind == ResidentKind.Foreign
            ? $"{r.BirthDate.Year}年{r.BirthDate.Month}月{r.BirthDate.Day}日"
            : WarekiFormatter.Format(r.BirthDate);

    /// <summary>標準5.4: the 方書 is always printed with the address.</summary>
    public static string AddressLine(ResidentRecord r) => r.Address.Display;

    private static string Date(DateOnly? date) => date is { } d ? WarekiFormatter.Format(d) : "";

    private static string CommonNameLine(CommonNameEntry e)
    {
        var recorded = $"{e.Name}　{WarekiFormatter.Format(e.RecordedOn)}記載{(e.RecordedBy is null ? "" : $"（{e.RecordedBy}）")}";
        return e.RemovedOn is { } removed ? $"{recorded}　{WarekiFormatter.Format(removed)}削除{(e.RemovedBy is null ? "" : $"（{e.RemovedBy}）")}" : recorded;
    }

    private static string HistoryLine(Search.MovementEntry h) =>
        $"{WarekiFormatter.Format(h.EffectiveOn)}　{h.Reason}　（{WarekiFormatter.Format(h.NotifiedOn)}届出）　{h.Summary}".TrimEnd('　');
}
