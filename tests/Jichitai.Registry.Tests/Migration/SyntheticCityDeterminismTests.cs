using Jichitai.Platform.Text;
using Jichitai.Registry.Features.Migration.Files;
using Jichitai.Registry.Features.Migration.Layout;
using Jichitai.Registry.Features.Migration.Synthetic;

namespace Jichitai.Registry.Tests.Migration;

/// <summary>Same seed, size and reference date → the same bytes; and what CP932 cannot hold is reported, never replaced.</summary>
public sealed class SyntheticCityDeterminismTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "jichitai-synthetic-" + Guid.NewGuid().ToString("N"));

    private async Task<(string Directory, SyntheticCityResult Result)> GenerateAsync(string name, int seed, StrictEncoding? encoding = null)
    {
        var directory = Path.Combine(_root, name);
        var result = await SyntheticCity.WriteAsync(new SyntheticCityOptions(3_000, directory, Today, seed) { Encoding = encoding ?? StrictEncoding.Utf8 });
        return (directory, result);
    }

    [Fact]
    public async Task SameSeed_GivesIdenticalFiles_AnotherSeed_DifferentOnes()
    {
        var (first, _) = await GenerateAsync("a", seed: 42);
        var (second, _) = await GenerateAsync("b", seed: 42);
        var (other, _) = await GenerateAsync("c", seed: 43);
        foreach (var file in MigrationLayout.Files)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(first, file.FileName));
            Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(second, file.FileName)));
        }
        Assert.NotEqual(await File.ReadAllBytesAsync(Path.Combine(first, "residents.csv")), await File.ReadAllBytesAsync(Path.Combine(other, "residents.csv")));
        Assert.NotEqual(await File.ReadAllBytesAsync(Path.Combine(first, "movements.csv")), await File.ReadAllBytesAsync(Path.Combine(other, "movements.csv")));
    }

    [Fact]
    public async Task InCp932_OnlyTheRowsWithCharactersOutsideIt_AreLeftOut_AndEachIsReported()
    {
        var (utf8, utf8Result) = await GenerateAsync("utf8", seed: 5);
        var (cp932, cp932Result) = await GenerateAsync("cp932", seed: 5, StrictEncoding.Cp932);
        Assert.Empty(utf8Result.Errors);
        Assert.NotEmpty(cp932Result.Errors);
        // Every error names a character above U+FFFF (𠮷, 𡈽); 髙 and 﨑 (NEC/IBM extensions) are written.
        Assert.All(cp932Result.Errors, e => Assert.Contains(e.Value, c => char.IsSurrogate(c)));
        var utf8Rows = utf8Result.Files.ToDictionary(f => f.File.FileName, f => f.Rows);
        foreach (var (file, rows) in cp932Result.Files)
            Assert.Equal(utf8Rows[file.FileName], rows + cp932Result.Errors.Where(e => e.File == file.FileName).Select(e => e.Line).Distinct().Count());
        var written = MigrationFileSet.Read(cp932, StrictEncoding.Cp932);
        Assert.Contains(written.Residents, r => r["氏"].Contains('髙') || r["氏"].Contains('﨑'));
        // The same city in other bytes: the history holds no names, so it is read back whole and identical.
        var original = MigrationFileSet.Read(utf8, StrictEncoding.Utf8);
        Assert.Equal(original.Movements.Select(Text), written.Movements.Select(Text));
        Assert.Equal(original.Residents.Count, written.Residents.Count + cp932Result.Errors.Count(e => e.File == "residents.csv" && e.Column == "氏"));
    }

    private static string Text(MigrationRow row) => string.Join(",", MigrationLayout.Movements.Columns.Select(c => row[c.Name]));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
