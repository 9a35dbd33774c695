using System.Globalization;
using Jichitai.Registry.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.Certificates;

/// <summary>発行番号 (標準5.5): 発行年月日・市区町村名・発行端末名・(プリンタ)・発行された順の番号; the renderer adds n/m.</summary>
internal static class IssueNumbers
{
    /// <summary>
    /// "20261127 デモ市 本庁窓口1 011". The printer part is left out: a browser-printed PDF cannot name the printer (5.5 allows
    /// a blank), and an unregistered terminal leaves its part out too.
    /// </summary>
    public static string Format(DateOnly issuedOn, string municipalityName, string? terminal, int serial) =>
        string.Join(' ', new[] { issuedOn.ToString("yyyyMMdd", CultureInfo.InvariantCulture), municipalityName, terminal, serial.ToString("D3", CultureInfo.InvariantCulture) }
            .Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>
    /// The day's next number, taken in its own short statement: a certificate that then fails leaves a gap rather than
    /// holding the counter while the PDF is drawn (every clerk of the tenant would wait for it).
    /// </summary>
    public static async Task<int> NextSerialAsync(RegistryDbContext db, int tenantId, DateOnly day, CancellationToken ct)
    {
        var name = "certificate-" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        for (var attempt = 0; ; attempt++)
        {
            try { return (int)await NumberCounters.NextAsync(db, tenantId, name, ct); }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear(); // another clerk created the day's counter first: take the next number from it
            }
        }
    }
}
