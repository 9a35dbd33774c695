using System.Globalization;
using Jichitai.Platform.Dates;

namespace Jichitai.Care.Notices;

/// <summary>How dates and amounts are written on 介護保険 documents (和暦, 標準1.1.9; yen with separators).</summary>
public static class CareWording
{
    public static string Date(DateOnly date) => WarekiFormatter.Format(date);

    /// <summary>"令和8年度" for fiscal year 2026.</summary>
    public static string FiscalYear(int year) => WarekiFormatter.Format(new DateOnly(year, 4, 1))[..^4] + "度";

    public static string Yen(long amount) => amount.ToString("N0", CultureInfo.InvariantCulture) + "円";

    public static string SignedYen(long amount) => (amount > 0 ? "+" : "") + Yen(amount);

    /// <summary>"令和8年10月".</summary>
    public static string Month(int year, int month) => WarekiFormatter.Format(new DateOnly(year, month, 1))[..^2];
}
