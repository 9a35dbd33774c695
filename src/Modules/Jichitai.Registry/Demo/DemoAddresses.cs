using Jichitai.Platform.Audit;
using Jichitai.Registry.Features.AddressDictionary;

namespace Jichitai.Registry.Demo;

/// <summary>
/// The 住所辞書 of the demo municipality (139998 → 住所コード 13999…): every 町字 the demo residents live in, with the
/// 郵便番号 their addresses carry, one 地番 area, one 町字 abolished by a 住居表示 (kept for old 本籍), and the 方書 in use.
/// </summary>
internal static class DemoAddresses
{
    internal sealed record Town(string Code, string Name, string Kana, string PostalCode, string Scheme = "住居表示", DateOnly? AbolishedOn = null);

    public static readonly Town[] Towns =
    [
        new("13999001001", "本町一丁目", "ホンチョウ1チョウメ", "100-0010"),
        new("13999001002", "本町二丁目", "ホンチョウ2チョウメ", "100-0011"),
        new("13999002001", "緑町一丁目", "ミドリチョウ1チョウメ", "100-0013"),
        new("13999002002", "緑町二丁目", "ミドリチョウ2チョウメ", "100-0012"),
        new("13999003003", "桜ケ丘三丁目", "サクラガオカ3チョウメ", "100-0014"),
        new("13999004004", "港町四丁目", "ミナトマチ4チョウメ", "100-0015"),
        new("13999005005", "旭町五丁目", "アサヒマチ5チョウメ", "100-0016"),
        new("13999007000", "大字北野", "オオアザキタノ", "100-0017", "地番"),
        new("13999006000", "大字旭", "オオアザアサヒ", "100-0016", "地番", new DateOnly(2005, 4, 1)), // 住居表示で旭町五丁目に
    ];

    public const string Prefecture = "東京都";
    public const string Municipality = "デモ市";

    /// <summary>The entry for an address's 町字 as the demo writes it ("デモ市本町一丁目").</summary>
    public static Town For(string addressTown) => Towns.Single(t => Municipality + t.Name == addressTown);

    public static async Task SeedAsync(AddressDictionaryService dictionary, AuditActor actor, IEnumerable<(string Town, string Block, string Building)> buildings, CancellationToken ct)
    {
        var ids = new Dictionary<string, long>();
        foreach (var t in Towns)
        {
            var entry = await dictionary.AddAsync(new AddressEntryRequest
            {
                Code = t.Code, PostalCode = t.PostalCode, Prefecture = Prefecture, PrefectureKana = "トウキョウト", Municipality = Municipality, MunicipalityKana = "デモシ",
                Town = t.Name, TownKana = t.Kana, Scheme = t.Scheme, ValidFrom = new DateOnly(1970, 4, 1),
            }, actor, ct);
            if (t.AbolishedOn is { } on) await dictionary.AbolishAsync(entry.Id, new AbolishRequest(on), actor, ct);
            ids[Municipality + t.Name] = entry.Id;
        }
        foreach (var (town, block, building) in buildings.Distinct())
            await dictionary.AddBuildingAsync(ids[town], new BuildingEntryRequest { BlockNumber = block, Name = building, ValidFrom = new DateOnly(2000, 4, 1) }, actor, ct);
    }
}
