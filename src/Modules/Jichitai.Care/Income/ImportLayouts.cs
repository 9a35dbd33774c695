namespace Jichitai.Care.Income;

/// <summary>所得情報 of one person from the 住民税 system (care_incomes).</summary>
internal sealed record IncomeLine(string Addressee, long TotalIncome, long TaxablePensionIncome, long OtherIncome,
    bool ResidentTaxable, bool PublicAssistance, bool OldAgeWelfarePension);

/// <summary>特別徴収対象者 of one person from a 年金保険者 (care_pensions).</summary>
internal sealed record PensionLine(string Addressee, string InsurerCode, long AnnualPension);

/// <summary>A file layout: its header and how one row becomes a record (null when any value is refused).</summary>
internal interface IImportLayout<T>
{
    string Kind { get; }
    string Label { get; }
    IReadOnlyList<string> Columns { get; }
    T? Parse(string[] fields, long line, ImportErrors errors);
    string AddresseeOf(T row);
}

/// <summary>所得情報ファイル (docs/care-import-layout.md §1): what 施行令38条 needs to place a person in a 所得段階.</summary>
internal sealed class IncomeLayout : IImportLayout<IncomeLine>
{
    public static readonly IncomeLayout Instance = new();
    public const string KindName = "income";
    public string Kind => KindName;
    public string Label => "所得情報";
    public IReadOnlyList<string> Columns { get; } = ["宛名番号", "合計所得金額", "課税年金収入額", "その他の合計所得金額", "住民税課税区分", "生活保護", "老齢福祉年金"];

    public IncomeLine? Parse(string[] f, long line, ImportErrors errors)
    {
        var addressee = ImportFields.Addressee(f[0], line, Columns[0], errors);
        // 合計所得金額 and その他の合計所得金額 may be negative (損失); 課税年金収入額 is a receipt and cannot be.
        var total = ImportFields.Amount(f[1], line, Columns[1], mayBeNegative: true, errors);
        var pension = ImportFields.Amount(f[2], line, Columns[2], mayBeNegative: false, errors);
        var other = ImportFields.Amount(f[3], line, Columns[3], mayBeNegative: true, errors);
        var taxable = ImportFields.Flag(f[4], line, Columns[4], errors);
        var assistance = ImportFields.Flag(f[5], line, Columns[5], errors);
        var welfare = ImportFields.Flag(f[6], line, Columns[6], errors);
        if (addressee is null || total is null || pension is null || other is null || taxable is null || assistance is null || welfare is null) return null;
        return new IncomeLine(addressee, total.Value, pension.Value, other.Value, taxable.Value, assistance.Value, welfare.Value);
    }

    public string AddresseeOf(IncomeLine row) => row.Addressee;
}

/// <summary>特別徴収対象者ファイル (docs/care-import-layout.md §2): the annual pension a 年金保険者 pays (法134条 通知).</summary>
internal sealed class PensionLayout : IImportLayout<PensionLine>
{
    public static readonly PensionLayout Instance = new();
    public const string KindName = "pension";
    public string Kind => KindName;
    public string Label => "特別徴収対象者(年金)";
    public IReadOnlyList<string> Columns { get; } = ["宛名番号", "年金保険者コード", "年金額"];

    public PensionLine? Parse(string[] f, long line, ImportErrors errors)
    {
        var addressee = ImportFields.Addressee(f[0], line, Columns[0], errors);
        var insurer = ImportFields.Code(f[1], 3, line, Columns[1], errors);
        var amount = ImportFields.Amount(f[2], line, Columns[2], mayBeNegative: false, errors);
        if (addressee is null || insurer is null || amount is null) return null;
        return new PensionLine(addressee, insurer, amount.Value);
    }

    public string AddresseeOf(PensionLine row) => row.Addressee;
}
