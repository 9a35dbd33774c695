using Jichitai.Platform.Text;
using Jichitai.Registry.Features.Migration.Files;
using Jichitai.Registry.Features.Migration.Layout;

namespace Jichitai.Registry.Features.Migration.Synthetic;

/// <summary>What to generate: how many residents (住民状態 = 住民), from which seed, as of which day (日本時間), where, in which encoding.</summary>
public sealed record SyntheticCityOptions(int Residents, string OutputDirectory, DateOnly ReferenceDate, int Seed = 1)
{
    public StrictEncoding Encoding { get; init; } = StrictEncoding.Utf8;
}

/// <summary>Rows written per file, the persons and households generated, and rows the encoding could not hold (外字 in CP932).</summary>
public sealed record SyntheticCityResult(IReadOnlyList<(LayoutFile File, long Rows)> Files, long Residents, long RemovedPersons, long Households,
    IReadOnlyList<MigrationError> Errors);

/// <summary>
/// 合成データ: a fictional 東京都デモ市 written in the migration layout, so that the importer, the search and the batch jobs can be
/// tried at a realistic size without personal data. Same options → byte-identical files (<see cref="Random"/> from the seed only).
/// Streams household by household: memory stays flat whatever the size, except the 交付履歴 (about 5% of the residents), which
/// must be sorted by time before it is written.
/// </summary>
public static class SyntheticCity
{
    /// <summary>Writes the five files into <see cref="SyntheticCityOptions.OutputDirectory"/>; <paramref name="progress"/> gets the residents so far.</summary>
    public static async Task<SyntheticCityResult> WriteAsync(SyntheticCityOptions options, Action<long>? progress = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Residents, 1, nameof(options.Residents));
        Directory.CreateDirectory(options.OutputDirectory);
        var errors = new List<MigrationError>();
        await using var files = new SyntheticCityFiles(options, errors);
        var random = new Random(options.Seed);
        var composer = new HouseholdComposer(random, options.ReferenceDate);
        var rows = new SyntheticRows(random, options.ReferenceDate, files);
        var household = new SyntheticHousehold();
        long living = 0, reported = 0;
        while (living < options.Residents)
        {
            composer.Compose(household, singleOnly: false);
            // The last households: as many single persons as make the count exact.
            if (household.LivingCount > options.Residents - living) composer.Compose(household, singleOnly: true);
            living += household.LivingCount;
            rows.Write(household);
            if (living - reported >= 10_000 || living == options.Residents)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Invoke(reported = living);
            }
        }
        rows.WriteCertificateIssues();
        return new SyntheticCityResult(files.Counts(), living, rows.Persons - living, rows.Households, errors);
    }
}

/// <summary>The five writers, opened together and closed together.</summary>
internal sealed class SyntheticCityFiles(SyntheticCityOptions options, List<MigrationError> errors) : IAsyncDisposable
{
    public MigrationFileWriter Households { get; } = new(options.OutputDirectory, MigrationLayout.Households, options.Encoding, errors);
    public MigrationFileWriter Residents { get; } = new(options.OutputDirectory, MigrationLayout.Residents, options.Encoding, errors);
    public MigrationFileWriter Movements { get; } = new(options.OutputDirectory, MigrationLayout.Movements, options.Encoding, errors);
    public MigrationFileWriter Restrictions { get; } = new(options.OutputDirectory, MigrationLayout.Restrictions, options.Encoding, errors);
    public MigrationFileWriter CertificateIssues { get; } = new(options.OutputDirectory, MigrationLayout.CertificateIssues, options.Encoding, errors);

    public IReadOnlyList<(LayoutFile, long)> Counts() =>
    [
        (MigrationLayout.Households, Households.Rows), (MigrationLayout.Residents, Residents.Rows), (MigrationLayout.Movements, Movements.Rows),
        (MigrationLayout.Restrictions, Restrictions.Rows), (MigrationLayout.CertificateIssues, CertificateIssues.Rows),
    ];

    public async ValueTask DisposeAsync()
    {
        await Households.DisposeAsync();
        await Residents.DisposeAsync();
        await Movements.DisposeAsync();
        await Restrictions.DisposeAsync();
        await CertificateIssues.DisposeAsync();
    }
}
