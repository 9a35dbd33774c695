using Jichitai.Care.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Care.Qualification;

/// <summary>被保険者番号の自動付番 (標準 0230275): 10 digits, a 9-digit serial and a check digit, unique in the tenant, never reused.</summary>
public static class InsuredNumbers
{
    private const string Counter = "insured-number";

    public static async Task<string> NextAsync(CareDbContext db, int tenantId, CancellationToken ct)
    {
        // The counter row stays locked (PostgreSQL) or the database stays write-locked (SQLite) until the caller commits.
        var updated = await db.Counters.Where(c => c.Name == Counter).ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, c => c.Value + 1), ct);
        if (updated == 0)
        {
            db.Counters.Add(new CareCounterRow { TenantId = tenantId, Name = Counter, Value = 1 });
            await db.SaveChangesAsync(ct);
            return Format(1);
        }
        var value = await db.Counters.AsNoTracking().Where(c => c.Name == Counter).Select(c => c.Value).SingleAsync(ct);
        return Format(value);
    }

    public static string Format(long serial)
    {
        if (serial is < 1 or > 999_999_999) throw new InvalidOperationException("被保険者番号の連番が上限に達しました。");
        var body = serial.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        return body + CheckDigit(body);
    }

    /// <summary>Modulus 10, weights 2-1 from the right (Luhn): catches any single wrong digit and most swaps.</summary>
    public static int CheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = (digits[digits.Length - 1 - i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return (10 - sum % 10) % 10;
    }

    public static bool IsValid(string? number) =>
        number is { Length: 10 } && number.All(char.IsAsciiDigit) && CheckDigit(number[..9]) == number[9] - '0';
}
