using Jichitai.Care.Qualification;

namespace Jichitai.Care.Premiums;

/// <summary>A month of a fiscal year (年度: April to March). Stored as "2026-04".</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(FiscalMonthJsonConverter))]
public readonly record struct FiscalMonth(int Year, int Month) : IComparable<FiscalMonth>
{
    public static FiscalMonth Of(DateOnly d) => new(d.Year, d.Month);
    public FiscalMonth Next() => Month == 12 ? new(Year + 1, 1) : new(Year, Month + 1);
    public int CompareTo(FiscalMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);
    public static bool operator <(FiscalMonth a, FiscalMonth b) => a.CompareTo(b) < 0;
    public static bool operator >(FiscalMonth a, FiscalMonth b) => a.CompareTo(b) > 0;
    public static bool operator <=(FiscalMonth a, FiscalMonth b) => a.CompareTo(b) <= 0;
    public static bool operator >=(FiscalMonth a, FiscalMonth b) => a.CompareTo(b) >= 0;
    public override string ToString() => $"{Year}-{Month:00}";
}

internal sealed class FiscalMonthJsonConverter : System.Text.Json.Serialization.JsonConverter<FiscalMonth>
{
    public override FiscalMonth Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options)
    {
        var s = reader.GetString()!;
        return new FiscalMonth(int.Parse(s.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture), int.Parse(s.AsSpan(5, 2), System.Globalization.CultureInfo.InvariantCulture));
    }

    public override void Write(System.Text.Json.Utf8JsonWriter writer, FiscalMonth value, System.Text.Json.JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}

public static class FiscalMonths
{
    /// <summary>賦課期日 (介護保険条例準則: 当該年度の初日, 4月1日).</summary>
    public static DateOnly AssessmentDate(int fiscalYear) => new(fiscalYear, 4, 1);
    public static DateOnly LastDay(int fiscalYear) => new(fiscalYear + 1, 3, 31);

    /// <summary>The twelve months April … March.</summary>
    public static IEnumerable<FiscalMonth> All(int fiscalYear) =>
        Enumerable.Range(0, 12).Select(i => i < 9 ? new FiscalMonth(fiscalYear, i + 4) : new FiscalMonth(fiscalYear + 1, i - 8));

    /// <summary>A calendar month number (1–12) placed in the fiscal year (January–March fall in the next calendar year).</summary>
    public static FiscalMonth Place(int fiscalYear, int month) => new(month >= 4 ? fiscalYear : fiscalYear + 1, month);

    /// <summary>
    /// 月割 (条例準則): from the month containing the acquisition day to the month before the month containing the loss day.
    /// A person who acquires and loses in the same month therefore has no month there.
    /// </summary>
    public static IReadOnlyList<FiscalMonth> Insured(IReadOnlyList<QualificationPeriod> periods, int fiscalYear)
    {
        Span<bool> insured = stackalloc bool[12];
        var start = fiscalYear * 12 + 3; // April of the fiscal year, as a month number
        foreach (var p in periods)
        {
            var first = p.AcquiredOn.Year * 12 + p.AcquiredOn.Month - 1 - start;
            var afterLast = p.LostOn is { } lost ? lost.Year * 12 + lost.Month - 1 - start : 12;
            for (var i = Math.Max(0, first); i < Math.Min(12, afterLast); i++) insured[i] = true;
        }
        var months = new List<FiscalMonth>(12);
        for (var i = 0; i < 12; i++)
            if (insured[i]) months.Add(i < 9 ? new FiscalMonth(fiscalYear, i + 4) : new FiscalMonth(fiscalYear + 1, i - 8));
        return months;
    }
}
