using System.Globalization;
using System.Text.Json;
using Jichitai.Platform.Protection;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Domain.Numbering;
using Jichitai.Registry.Features.Restrictions;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Persistence;
using Jichitai.Registry.Residents;

namespace Jichitai.Bench;

/// <summary>
/// Synthetic 住民記録 for the search benchmark: households of ~2.3 persons (世帯主, 妻, 子, 母), ~200 common surnames
/// with realistic frequency (rank^-0.55, 佐藤 ≈ 4.5%, the 200th ≈ 0.2%; a few 異体字 spellings such as 髙橋, 𠮷田),
/// given names by birth era, birth dates 1920–2026, ~2% 外国人住民, 10% of households moved out (除票 rows stay in
/// the table, as in production), addresses from ~300 町字 × 番地/号 (30% with a 方書), 支援措置 on ~0.15% of the residents. Every row is built the way the
/// product builds it: a <see cref="ResidentRecord"/> serialised with <see cref="MovementSession"/>'s JSON options,
/// search keys through <see cref="MovementSession.ApplyToRow"/> (i.e. <see cref="SearchKeys"/>), 個人番号 encrypted
/// and blind-indexed by <see cref="PersonalDataProtector"/> as <c>MovementSession.WithPersonalNumber</c> does. Deterministic for a given seed.
/// </summary>
internal sealed class RegistrySearchData
{
    /// <summary>Rows in physical load order (ids ascending), interleaved across tenants in chunks of households.</summary>
    public required ResidentRow[] Residents { get; init; }
    public required HouseholdRow[] Households { get; init; }
    /// <summary>支援措置 / 抑止 on ~0.15% of the current residents (DV等支援措置 is of that order nationally), a third of them on the whole household.</summary>
    public required RestrictionRow[] Restrictions { get; init; }
    /// <summary>Next free 宛名番号 / 世帯番号 sequence per tenant (for registry_number_counters).</summary>
    public required IReadOnlyDictionary<int, (long Addressee, long Household)> NextNumbers { get; init; }

    /// <summary>The reference "today" of the data set: births and movements are not after it.</summary>
    public static readonly DateOnly Today = new(2026, 11, 1);
    private static readonly DateOnly Earliest = new(1920, 1, 1);
    private const int ChunkHouseholds = 1000;
    private const string City = "架空市";

    public static RegistrySearchData Generate(IReadOnlyList<(int TenantId, int Residents)> tenants, PersonalDataProtector protector, int seed)
    {
        // 1. Household sizes per tenant, drawn sequentially so that each tenant holds exactly its resident count.
        var sizes = new Dictionary<int, int[]>();
        foreach (var (tenantId, count) in tenants)
        {
            var random = new Random(Mix(seed, tenantId, -1));
            var list = new List<int>(count / 2);
            for (var total = 0; total < count;)
            {
                var size = Math.Min(HouseholdSize(random), count - total);
                list.Add(size);
                total += size;
            }
            sizes[tenantId] = [.. list];
        }

        // 2. Chunks of households, interleaved across tenants in proportion to their size (a shared database
        //    receives every tenant's rows over time), then ids and numbers by prefix sums in that order.
        var chunks = new List<Chunk>();
        foreach (var (tenantId, _) in tenants)
        {
            var households = sizes[tenantId];
            var count = (households.Length + ChunkHouseholds - 1) / ChunkHouseholds;
            for (var c = 0; c < count; c++)
                chunks.Add(new Chunk { TenantId = tenantId, Index = c, Position = (c + 0.5) / count, FirstHousehold = c * ChunkHouseholds,
                    HouseholdCount = Math.Min(ChunkHouseholds, households.Length - c * ChunkHouseholds) });
        }
        chunks.Sort((a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position) : a.TenantId.CompareTo(b.TenantId));
        long nextResidentId = 1, nextHouseholdId = 1;
        var nextSeq = tenants.ToDictionary(t => t.TenantId, _ => (Addressee: 1L, Household: 1L));
        foreach (var chunk in chunks)
        {
            var members = 0;
            for (var h = 0; h < chunk.HouseholdCount; h++) members += sizes[chunk.TenantId][chunk.FirstHousehold + h];
            chunk.ResidentCount = members;
            chunk.FirstResidentId = nextResidentId;
            chunk.FirstHouseholdId = nextHouseholdId;
            var seq = nextSeq[chunk.TenantId];
            chunk.FirstAddresseeSeq = seq.Addressee;
            chunk.FirstHouseholdSeq = seq.Household;
            nextSeq[chunk.TenantId] = (seq.Addressee + members, seq.Household + chunk.HouseholdCount);
            nextResidentId += members;
            nextHouseholdId += chunk.HouseholdCount;
        }

        var residents = new ResidentRow[nextResidentId - 1];
        var householdRows = new HouseholdRow[nextHouseholdId - 1];
        // 3. The records themselves, in parallel per chunk (JSON, encryption and HMAC dominate).
        Parallel.ForEach(chunks, chunk =>
        {
            var generator = new ChunkGenerator(new Random(Mix(seed, chunk.TenantId, chunk.Index)), protector, chunk.TenantId);
            var residentIndex = chunk.FirstResidentId - 1;
            var addresseeSeq = chunk.FirstAddresseeSeq;
            for (var h = 0; h < chunk.HouseholdCount; h++)
            {
                var householdId = chunk.FirstHouseholdId + h;
                var number = HouseholdNumber.Create(chunk.FirstHouseholdSeq + h);
                var size = sizes[chunk.TenantId][chunk.FirstHousehold + h];
                var (records, createdOn) = generator.Household(size);
                householdRows[householdId - 1] = new HouseholdRow { Id = householdId, TenantId = chunk.TenantId, HouseholdNumber = number, CreatedOn = createdOn };
                for (var m = 0; m < records.Count; m++)
                {
                    var id = residentIndex + 1;
                    var record = records[m] with { HouseholdId = householdId, HouseholdNumber = number, AddresseeNumber = AddresseeNumber.Create(addresseeSeq++) };
                    residents[residentIndex++] = generator.ToRow(id, record);
                }
            }
        });
        return new RegistrySearchData
        {
            Residents = residents,
            Households = householdRows,
            Restrictions = GenerateRestrictions(residents, new Random(Mix(seed, 0, -2))),
            NextNumbers = nextSeq.ToDictionary(kv => kv.Key, kv => (kv.Value.Addressee, kv.Value.Household)),
        };
    }

    private static RestrictionRow[] GenerateRestrictions(ResidentRow[] residents, Random random)
    {
        var list = new List<RestrictionRow>();
        foreach (var r in residents)
        {
            if (r.Status != ResidentStatus.Resident || random.Next(10_000) >= 15) continue;
            var start = Today.AddDays(-random.Next(0, 700));
            var kind = random.Next(10) == 0 ? RestrictionKind.Other : RestrictionKind.SupportMeasure;
            var household = random.Next(3) == 0;
            var ended = kind == RestrictionKind.SupportMeasure && start.AddYears(1) < Today && random.Next(2) == 0;
            list.Add(new RestrictionRow
            {
                TenantId = r.TenantId, Kind = kind,
                ResidentId = household ? null : r.Id, HouseholdId = household ? r.HouseholdId : null,
                Movement = RestrictionLevel.Alert, Issuance = RestrictionLevel.Error, Inquiry = RestrictionLevel.Alert,
                StartOn = start, EndOn = kind == RestrictionKind.SupportMeasure ? start.AddYears(1).AddDays(-1) : null,
                EndedOn = ended ? start.AddYears(1) : null, EndReason = ended ? "期間満了" : null,
                Reason = kind == RestrictionKind.SupportMeasure ? "DV等支援措置(申出書受理、警察署意見)" : "職権調査中のため異動抑止",
                CreatedBy = "住記 係長", CreatedAt = start.ToDateTime(new TimeOnly(1, 30), DateTimeKind.Utc),
            });
        }
        return [.. list];
    }

    /// <summary>One-person 35%, two 28%, three 17%, four 13%, five 5%, six 2%: mean 2.31 (国勢調査 2020: 2.21–2.3).</summary>
    private static int HouseholdSize(Random random) => random.Next(100) switch
    {
        < 35 => 1,
        < 63 => 2,
        < 80 => 3,
        < 93 => 4,
        < 98 => 5,
        _ => 6,
    };

    private sealed class Chunk
    {
        public int TenantId, Index, FirstHousehold, HouseholdCount, ResidentCount;
        public double Position;
        public long FirstResidentId, FirstHouseholdId, FirstAddresseeSeq, FirstHouseholdSeq;
    }

    private sealed class ChunkGenerator(Random random, PersonalDataProtector protector, int tenantId)
    {
        public (List<ResidentRecord> Members, DateOnly CreatedOn) Household(int size)
        {
            if (random.Next(100) < 2) return Foreign(size);
            var (family, familyKana) = Pick(Surnames, SurnameWeights);
            var members = new List<(string Given, string GivenKana, DateOnly Birth, Gender Gender, string Relationship)>();
            DateOnly headBirth;
            var headMale = random.Next(100) < 75;
            var singleParent = false;
            if (size == 1)
            {
                headBirth = Birth(random.Next(100) switch { < 25 => (1920, 1950), < 60 => (1950, 1985), _ => (1985, 2007) });
                headMale = random.Next(2) == 0;
            }
            else if (size == 2 && random.Next(100) < 25)
            {
                headBirth = Birth((1940, 1995)); // a single parent with one child
                singleParent = true;
            }
            else
            {
                headBirth = Birth(size == 2 ? (1935, 2000) : (1950, 1998));
            }
            members.Add(Person(headBirth, headMale, "世帯主"));
            if (size >= 2 && !singleParent)
            {
                var birth = Clamp(headBirth.AddDays(random.Next(-6 * 365, 6 * 365)));
                members.Add(Person(birth, !headMale, headMale ? "妻" : "夫"));
            }
            if (size >= 5 && random.Next(100) < 50)
            {
                // 三世代: the head's mother.
                var birth = Clamp(headBirth.AddYears(-random.Next(22, 38)).AddDays(random.Next(0, 365)));
                members.Add(Person(birth, male: false, "母"));
            }
            while (members.Count < size)
            {
                var birth = headBirth.AddYears(random.Next(22, 42)).AddDays(random.Next(0, 365));
                if (birth > Today) birth = Today.AddDays(-random.Next(0, 2000));
                if (birth < headBirth.AddYears(16)) birth = headBirth.AddYears(16 + random.Next(0, 10));
                if (birth > Today) birth = Today.AddDays(-random.Next(0, 30));
                var child = Person(Clamp(birth), random.Next(2) == 0, "子");
                if (members.Any(m => m.Given == child.Given)) continue;
                members.Add(child);
            }

            var address = Address();
            var born = random.Next(100) < 35; // born here (出生) rather than moved in (転入)
            var youngest = members.Max(m => m.Birth);
            var movedIn = born ? headBirth : DateBetween(Max(headBirth.AddYears(18), new DateOnly(1970, 4, 1)), Today);
            if (movedIn > Today) movedIn = Today;
            var previous = born ? null : Previous(movedIn);
            var (domicile, domicileHead) = (Domicile(), family + "　" + members[0].Given);
            var removed = random.Next(100) < 10; // 除票: the whole household moved out
            var removedOn = removed ? DateBetween(Min(Max(movedIn, youngest).AddDays(30), Today), Today) : (DateOnly?)null;

            var records = new List<ResidentRecord>(size);
            for (var i = 0; i < members.Count; i++)
            {
                var m = members[i];
                var becameResident = m.Birth > movedIn ? m.Birth : movedIn;
                var age = AgeOn(m.Birth, Today);
                var personalNumber = NewPersonalNumber();
                records.Add(new ResidentRecord
                {
                    Kind = ResidentKind.Japanese,
                    Status = removed ? ResidentStatus.Removed : ResidentStatus.Resident,
                    FamilyName = family, GivenName = m.Given, FamilyNameKana = familyKana, GivenNameKana = m.GivenKana,
                    KanaConfirmed = random.Next(100) < 60,
                    FormerSurname = m.Relationship is "妻" or "夫" && random.Next(100) < 5 ? Pick(Surnames, SurnameWeights).Name : null,
                    BirthDate = m.Birth, Gender = m.Gender,
                    Relationship = m.Relationship, MemberOrder = i + 1,
                    Domicile = domicile, DomicileHead = domicileHead,
                    BecameResidentOn = becameResident,
                    Address = address,
                    AddressSetOn = becameResident, AddressNotifiedOn = NotifiedOn(becameResident),
                    PreviousAddress = m.Birth > movedIn ? null : previous,
                    MoveOut = removedOn is { } on ? new PlannedMoveOut { PlannedDate = on, Destination = Previous(on).Text, ConfirmedOn = on.AddDays(random.Next(3, 20)) < Today ? on.AddDays(10) : null } : null,
                    PersonalNumberProtected = protector.Protect(tenantId, MovementSession.PersonalNumberPurpose, personalNumber),
                    PersonalNumberIndex = protector.BlindIndex(tenantId, MovementSession.PersonalNumberPurpose, personalNumber),
                    ResidentCode = Digits(11),
                    OnElectoralRoll = age >= 18 && !removed,
                    Qualifications = Qualifications(age),
                    RemovedOn = removedOn,
                    RemovalReason = removed ? MovementReasonCode.MoveOut : null,
                });
            }
            return (records, movedIn);

            (string Given, string GivenKana, DateOnly Birth, Gender Gender, string Relationship) Person(DateOnly birth, bool male, string relationship)
            {
                var names = (male, birth.Year) switch
                {
                    (true, < 1966) => MaleOld, (true, < 1996) => MaleMid, (true, _) => MaleNew,
                    (false, < 1966) => FemaleOld, (false, < 1996) => FemaleMid, _ => FemaleNew,
                };
                var (given, kana) = Pick(names);
                return (given, kana, birth, male ? Gender.Male : Gender.Female, relationship);
            }
        }

        /// <summary>A 外国人住民 household of one nationality (head, spouse, children); 特別永住者 for most Korean households.</summary>
        private (List<ResidentRecord>, DateOnly) Foreign(int size)
        {
            var n = Nationalities[random.Next(Nationalities.Length)];
            var (familyAlpha, familyKana, familyKanji) = n.Families[random.Next(n.Families.Length)];
            var address = Address();
            var movedIn = DateBetween(new DateOnly(1995, 1, 1), Today);
            var headBirth = Birth((1955, 2005));
            var records = new List<ResidentRecord>(size);
            var special = n.Name == "韓国" && random.Next(100) < 60;
            for (var i = 0; i < size; i++)
            {
                var birth = i switch
                {
                    0 => headBirth,
                    1 => Clamp(headBirth.AddDays(random.Next(-2000, 2000))),
                    _ => Clamp(headBirth.AddYears(random.Next(22, 38)) > Today ? Today.AddDays(-random.Next(0, 3000)) : headBirth.AddYears(random.Next(22, 38))),
                };
                var (givenAlpha, givenKana, givenKanji) = n.Given[random.Next(n.Given.Length)];
                var category = special ? ForeignResidentCategory.SpecialPermanentResident : ForeignResidentCategory.MidToLongTermResident;
                var status = special ? null : ResidenceStatuses[random.Next(ResidenceStatuses.Length)];
                var becameResident = birth > movedIn ? birth : movedIn;
                var personalNumber = NewPersonalNumber();
                records.Add(new ResidentRecord
                {
                    Kind = ResidentKind.Foreign,
                    FamilyName = familyKanji ?? "", GivenName = familyKanji is null ? "" : givenKanji ?? "",
                    FamilyNameKana = familyKana, GivenNameKana = givenKana, KanaConfirmed = true,
                    BirthDate = birth, Gender = random.Next(2) == 0 ? Gender.Male : Gender.Female,
                    Relationship = i switch { 0 => "世帯主", 1 => "妻", _ => "子" }, MemberOrder = i + 1,
                    BecameResidentOn = becameResident, Address = address, AddressSetOn = becameResident, AddressNotifiedOn = NotifiedOn(becameResident),
                    PreviousAddress = birth > movedIn ? null : new PriorAddress { Abroad = true, Text = n.Name, Kind = MoveInKind.FromAbroad },
                    PersonalNumberProtected = protector.Protect(tenantId, MovementSession.PersonalNumberPurpose, personalNumber),
                    PersonalNumberIndex = protector.BlindIndex(tenantId, MovementSession.PersonalNumberPurpose, personalNumber),
                    ResidentCode = Digits(11),
                    Qualifications = Qualifications(AgeOn(birth, Today)),
                    Foreign = new ForeignResidentItems
                    {
                        AlphabetName = $"{familyAlpha} {givenAlpha}", Nationality = n.Name, Category = category,
                        ResidenceStatus = status, PeriodOfStay = special ? null : "3年",
                        StayExpiresOn = special ? null : Today.AddDays(random.Next(30, 1100)),
                        CardNumber = $"{Letters(2)}{Digits(8)}{Letters(2)}",
                    },
                });
            }
            return (records, movedIn);
        }

        /// <summary>The current row as a movement leaves it: JSON of the record, then the product's ApplyToRow.</summary>
        public ResidentRow ToRow(long id, ResidentRecord record)
        {
            var row = new ResidentRow { Id = id, TenantId = tenantId, AddresseeNumber = record.AddresseeNumber, Record = "{}", KanaKey = "", NameKey = "", AddressKey = "" };
            var version = new ResidentVersionRow
            {
                Id = id, TenantId = tenantId, ResidentId = id, EffectiveOn = record.RemovedOn ?? record.AddressSetOn, HouseholdId = record.HouseholdId,
                Record = JsonSerializer.Serialize(record, MovementSession.Json),
            };
            MovementSession.ApplyToRow(row, record, version);
            return row;
        }

        private Address Address()
        {
            var (town, postal) = Towns[random.Next(Towns.Length)];
            var rural = town.Contains("大字", StringComparison.Ordinal);
            return new Address
            {
                PostalCode = postal,
                Town = town,
                BlockNumber = rural ? $"{random.Next(1, 3000)}番地" : $"{random.Next(1, 40)}番{random.Next(1, 30)}号",
                Building = !rural && random.Next(100) < 30
                    ? $"{Buildings[random.Next(Buildings.Length)]}{random.Next(1, 12)}0{random.Next(1, 9)}号室"
                    : null,
            };
        }

        private PriorAddress Previous(DateOnly on)
        {
            var (text, issuer) = PriorTowns[random.Next(PriorTowns.Length)];
            return new PriorAddress { Text = $"{text}{random.Next(1, 30)}番{random.Next(1, 20)}号", CertificateIssuer = issuer, CertificatePlannedDate = on.AddDays(-random.Next(0, 14)) };
        }

        private string Domicile() => $"{Domiciles[random.Next(Domiciles.Length)]}{random.Next(1, 2000)}番地";

        private Qualifications Qualifications(int age) => new()
        {
            NationalHealthInsurance = age < 75 && random.Next(100) < 25 ? $"国保 記号{random.Next(1, 99):00} 番号{Digits(6)}" : null,
            LateStageElderly = age >= 75 ? $"後期高齢 被保険者番号{Digits(8)}" : null,
            CareInsurance = age >= 65 ? $"介護 第1号 {Digits(10)}" : null,
            NationalPension = age is >= 20 and < 60 && random.Next(100) < 30 ? $"国年 第{random.Next(1, 4)}号 {Digits(10)}" : null,
            ChildAllowance = age < 15 && random.Next(100) < 80 ? "児童手当 受給者の子" : null,
        };

        private DateOnly Birth((int From, int To) years) =>
            Clamp(DateBetween(new DateOnly(years.From, 1, 1), new DateOnly(Math.Min(years.To, Today.Year), 12, 31)));

        private DateOnly DateBetween(DateOnly from, DateOnly to) =>
            to <= from ? from : from.AddDays(random.Next(0, to.DayNumber - from.DayNumber + 1));

        private DateOnly NotifiedOn(DateOnly on) { var n = on.AddDays(random.Next(0, 15)); return n > Today ? Today : n; }

        /// <summary>A valid 個人番号: 11 digits + 検査用数字 (平成26年総務省令第85号 第5条; computed here so as not to depend on the domain class's name).</summary>
        private string NewPersonalNumber()
        {
            var first11 = Digits(11);
            var sum = 0;
            for (var n = 1; n <= 11; n++) sum += (first11[11 - n] - '0') * (n <= 6 ? n + 1 : n - 5);
            var check = sum % 11 <= 1 ? 0 : 11 - sum % 11;
            return first11 + check.ToString(CultureInfo.InvariantCulture);
        }

        private string Digits(int n) => string.Create(n, random, (span, r) => { for (var i = 0; i < span.Length; i++) span[i] = (char)('0' + r.Next(10)); });
        private string Letters(int n) => string.Create(n, random, (span, r) => { for (var i = 0; i < span.Length; i++) span[i] = (char)('A' + r.Next(26)); });

        private T Pick<T>(T[] items) => items[random.Next(items.Length)];

        private T Pick<T>(T[] items, double[] cumulative)
        {
            var x = random.NextDouble() * cumulative[^1];
            var i = Array.BinarySearch(cumulative, x);
            return items[Math.Min(i < 0 ? ~i : i, items.Length - 1)];
        }
    }

    /// <summary>A fixed mix of the seed (HashCode.Combine is randomised per process, which would defeat the seed).</summary>
    private static int Mix(int seed, int tenantId, int chunk) => unchecked(((seed * 1_000_003) ^ (tenantId * 7_919)) * 31 + chunk);

    private static DateOnly Clamp(DateOnly d) => d < Earliest ? Earliest : d > Today ? Today : d;
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static int AgeOn(DateOnly birth, DateOnly on) => on.Year - birth.Year - (on.DayOfYear < birth.DayOfYear ? 1 : 0);

    // ~200 most common surnames in rank order (plus a few 異体字 spellings the search must fold), with their readings.
    private static readonly (string Name, string Kana)[] Surnames =
    [
        ("佐藤", "サトウ"), ("鈴木", "スズキ"), ("高橋", "タカハシ"), ("田中", "タナカ"), ("伊藤", "イトウ"), ("渡辺", "ワタナベ"), ("山本", "ヤマモト"),
        ("中村", "ナカムラ"), ("小林", "コバヤシ"), ("加藤", "カトウ"), ("吉田", "ヨシダ"), ("山田", "ヤマダ"), ("佐々木", "ササキ"), ("山口", "ヤマグチ"),
        ("松本", "マツモト"), ("井上", "イノウエ"), ("木村", "キムラ"), ("林", "ハヤシ"), ("斎藤", "サイトウ"), ("清水", "シミズ"), ("山崎", "ヤマザキ"),
        ("森", "モリ"), ("池田", "イケダ"), ("橋本", "ハシモト"), ("阿部", "アベ"), ("石川", "イシカワ"), ("山下", "ヤマシタ"), ("中島", "ナカジマ"),
        ("石井", "イシイ"), ("小川", "オガワ"), ("前田", "マエダ"), ("岡田", "オカダ"), ("長谷川", "ハセガワ"), ("藤田", "フジタ"), ("後藤", "ゴトウ"),
        ("近藤", "コンドウ"), ("村上", "ムラカミ"), ("遠藤", "エンドウ"), ("青木", "アオキ"), ("坂本", "サカモト"), ("斉藤", "サイトウ"), ("福田", "フクダ"),
        ("太田", "オオタ"), ("西村", "ニシムラ"), ("藤井", "フジイ"), ("金子", "カネコ"), ("岡本", "オカモト"), ("藤原", "フジワラ"), ("中野", "ナカノ"),
        ("三浦", "ミウラ"), ("原田", "ハラダ"), ("中川", "ナカガワ"), ("松田", "マツダ"), ("竹内", "タケウチ"), ("小野", "オノ"), ("田村", "タムラ"),
        ("中山", "ナカヤマ"), ("和田", "ワダ"), ("石田", "イシダ"), ("森田", "モリタ"), ("上田", "ウエダ"), ("原", "ハラ"), ("内田", "ウチダ"),
        ("柴田", "シバタ"), ("酒井", "サカイ"), ("宮崎", "ミヤザキ"), ("横山", "ヨコヤマ"), ("高木", "タカギ"), ("安藤", "アンドウ"), ("宮本", "ミヤモト"),
        ("大野", "オオノ"), ("小島", "コジマ"), ("谷口", "タニグチ"), ("今井", "イマイ"), ("工藤", "クドウ"), ("高田", "タカダ"), ("増田", "マスダ"),
        ("丸山", "マルヤマ"), ("杉山", "スギヤマ"), ("村田", "ムラタ"), ("大塚", "オオツカ"), ("新井", "アライ"), ("小山", "コヤマ"), ("平野", "ヒラノ"),
        ("藤本", "フジモト"), ("河野", "コウノ"), ("上野", "ウエノ"), ("野口", "ノグチ"), ("武田", "タケダ"), ("松井", "マツイ"), ("千葉", "チバ"),
        ("岩崎", "イワサキ"), ("菅原", "スガワラ"), ("木下", "キノシタ"), ("久保", "クボ"), ("佐野", "サノ"), ("野村", "ノムラ"), ("松尾", "マツオ"),
        ("市川", "イチカワ"), ("菊地", "キクチ"), ("杉本", "スギモト"), ("古川", "フルカワ"), ("大西", "オオニシ"), ("島田", "シマダ"), ("水野", "ミズノ"),
        ("桜井", "サクライ"), ("高野", "タカノ"), ("渡部", "ワタナベ"), ("吉川", "ヨシカワ"), ("山内", "ヤマウチ"), ("西田", "ニシダ"), ("飯田", "イイダ"),
        ("菊池", "キクチ"), ("西川", "ニシカワ"), ("小松", "コマツ"), ("北村", "キタムラ"), ("安田", "ヤスダ"), ("五十嵐", "イガラシ"), ("川口", "カワグチ"),
        ("平田", "ヒラタ"), ("関", "セキ"), ("中田", "ナカタ"), ("久保田", "クボタ"), ("服部", "ハットリ"), ("東", "ヒガシ"), ("岩田", "イワタ"),
        ("土屋", "ツチヤ"), ("川崎", "カワサキ"), ("福島", "フクシマ"), ("本田", "ホンダ"), ("辻", "ツジ"), ("樋口", "ヒグチ"), ("秋山", "アキヤマ"),
        ("田口", "タグチ"), ("永井", "ナガイ"), ("山中", "ヤマナカ"), ("中西", "ナカニシ"), ("吉村", "ヨシムラ"), ("川上", "カワカミ"), ("石原", "イシハラ"),
        ("大橋", "オオハシ"), ("松岡", "マツオカ"), ("馬場", "ババ"), ("浅野", "アサノ"), ("荒木", "アラキ"), ("大久保", "オオクボ"), ("野田", "ノダ"),
        ("小池", "コイケ"), ("松下", "マツシタ"), ("熊谷", "クマガイ"), ("菅野", "カンノ"), ("佐久間", "サクマ"), ("大島", "オオシマ"), ("川村", "カワムラ"),
        ("桑原", "クワハラ"), ("新田", "ニッタ"), ("宮田", "ミヤタ"), ("矢野", "ヤノ"), ("戸田", "トダ"), ("中沢", "ナカザワ"), ("小沢", "オザワ"),
        ("松村", "マツムラ"), ("内藤", "ナイトウ"), ("片山", "カタヤマ"), ("望月", "モチヅキ"), ("岡崎", "オカザキ"), ("星野", "ホシノ"), ("上原", "ウエハラ"),
        ("黒田", "クロダ"), ("堀", "ホリ"), ("早川", "ハヤカワ"), ("竹田", "タケダ"), ("宮下", "ミヤシタ"), ("西山", "ニシヤマ"), ("杉浦", "スギウラ"),
        ("岡", "オカ"), ("永田", "ナガタ"), ("富田", "トミタ"), ("小西", "コニシ"), ("堀内", "ホリウチ"), ("西", "ニシ"), ("河合", "カワイ"),
        ("岩本", "イワモト"), ("坂口", "サカグチ"), ("奥村", "オクムラ"), ("大谷", "オオタニ"), ("平井", "ヒライ"), ("須藤", "スドウ"), ("田辺", "タナベ"),
        ("横田", "ヨコタ"), ("南", "ミナミ"), ("高山", "タカヤマ"), ("松浦", "マツウラ"), ("荒井", "アライ"), ("栗原", "クリハラ"), ("伊東", "イトウ"),
        ("大石", "オオイシ"), ("村井", "ムライ"), ("浜田", "ハマダ"), ("宮内", "ミヤウチ"),
        ("髙橋", "タカハシ"), ("渡邊", "ワタナベ"), ("渡邉", "ワタナベ"), ("齋藤", "サイトウ"), ("山﨑", "ヤマザキ"), ("𠮷田", "ヨシダ"), ("濵田", "ハマダ"),
    ];

    /// <summary>Cumulative weights: rank^-0.55 for the ranked list; each 異体字 spelling gets a tenth of its standard form's weight.</summary>
    private static readonly double[] SurnameWeights = BuildSurnameWeights();

    private static double[] BuildSurnameWeights()
    {
        var variantsOf = new Dictionary<string, string> { ["髙橋"] = "高橋", ["渡邊"] = "渡辺", ["渡邉"] = "渡辺", ["齋藤"] = "斎藤", ["山﨑"] = "山崎", ["𠮷田"] = "吉田", ["濵田"] = "浜田" };
        var weights = new double[Surnames.Length];
        var rank = 0;
        for (var i = 0; i < Surnames.Length; i++)
            weights[i] = variantsOf.TryGetValue(Surnames[i].Name, out var standard)
                ? 0.1 * Math.Pow(Array.FindIndex(Surnames, s => s.Name == standard) + 1, -0.55)
                : Math.Pow(++rank, -0.55);
        var cumulative = new double[weights.Length];
        double sum = 0;
        for (var i = 0; i < weights.Length; i++) cumulative[i] = sum += weights[i];
        return cumulative;
    }

    private static readonly (string Name, string Kana)[] MaleOld =
    [
        ("清", "キヨシ"), ("茂", "シゲル"), ("博", "ヒロシ"), ("実", "ミノル"), ("勇", "イサム"), ("進", "ススム"), ("正", "タダシ"), ("弘", "ヒロシ"),
        ("隆", "タカシ"), ("和夫", "カズオ"), ("正雄", "マサオ"), ("勝", "マサル"), ("三郎", "サブロウ"), ("武", "タケシ"), ("一郎", "イチロウ"),
        ("修", "オサム"), ("明", "アキラ"), ("稔", "ミノル"), ("健一", "ケンイチ"), ("幸雄", "ユキオ"), ("義雄", "ヨシオ"), ("昭二", "ショウジ"),
    ];
    private static readonly (string Name, string Kana)[] MaleMid =
    [
        ("誠", "マコト"), ("大輔", "ダイスケ"), ("拓也", "タクヤ"), ("健太", "ケンタ"), ("直樹", "ナオキ"), ("哲也", "テツヤ"), ("剛", "ツヨシ"),
        ("達也", "タツヤ"), ("和也", "カズヤ"), ("翔太", "ショウタ"), ("浩二", "コウジ"), ("雄一", "ユウイチ"), ("秀樹", "ヒデキ"), ("健", "ケン"),
        ("学", "マナブ"), ("亮", "リョウ"), ("聡", "サトシ"), ("大介", "ダイスケ"), ("洋平", "ヨウヘイ"), ("隆之", "タカユキ"), ("浩", "ヒロシ"), ("淳", "ジュン"),
    ];
    private static readonly (string Name, string Kana)[] MaleNew =
    [
        ("蓮", "レン"), ("悠真", "ユウマ"), ("湊", "ミナト"), ("陽翔", "ハルト"), ("大翔", "ヒロト"), ("悠人", "ユウト"), ("颯太", "ソウタ"),
        ("翔", "ショウ"), ("陸", "リク"), ("蒼", "アオイ"), ("樹", "イツキ"), ("大和", "ヤマト"), ("海斗", "カイト"), ("陽向", "ヒナタ"),
        ("律", "リツ"), ("拓海", "タクミ"), ("優斗", "ユウト"), ("朝陽", "アサヒ"), ("結翔", "ユイト"), ("颯", "ハヤテ"), ("奏太", "カナタ"), ("湊斗", "ミナト"),
    ];
    private static readonly (string Name, string Kana)[] FemaleOld =
    [
        ("和子", "カズコ"), ("幸子", "サチコ"), ("節子", "セツコ"), ("洋子", "ヨウコ"), ("京子", "キョウコ"), ("恵子", "ケイコ"), ("久美子", "クミコ"),
        ("美智子", "ミチコ"), ("文子", "フミコ"), ("弘子", "ヒロコ"), ("悦子", "エツコ"), ("昭子", "アキコ"), ("春子", "ハルコ"), ("静子", "シズコ"),
        ("光子", "ミツコ"), ("良子", "ヨシコ"), ("登美子", "トミコ"), ("ハナ", "ハナ"), ("キヨ", "キヨ"), ("千代", "チヨ"), ("トシ子", "トシコ"), ("ふみ", "フミ"),
    ];
    private static readonly (string Name, string Kana)[] FemaleMid =
    [
        ("陽子", "ヨウコ"), ("恵", "メグミ"), ("真由美", "マユミ"), ("裕子", "ユウコ"), ("直美", "ナオミ"), ("智子", "トモコ"), ("愛", "アイ"),
        ("美穂", "ミホ"), ("麻衣", "マイ"), ("彩", "アヤ"), ("香織", "カオリ"), ("由美", "ユミ"), ("明美", "アケミ"), ("亜希子", "アキコ"),
        ("沙織", "サオリ"), ("舞", "マイ"), ("千尋", "チヒロ"), ("美香", "ミカ"), ("理恵", "リエ"), ("優子", "ユウコ"), ("綾香", "アヤカ"), ("友美", "トモミ"),
    ];
    private static readonly (string Name, string Kana)[] FemaleNew =
    [
        ("陽葵", "ヒマリ"), ("凛", "リン"), ("結衣", "ユイ"), ("結菜", "ユイナ"), ("葵", "アオイ"), ("芽依", "メイ"), ("紬", "ツムギ"),
        ("澪", "ミオ"), ("さくら", "サクラ"), ("美咲", "ミサキ"), ("莉子", "リコ"), ("花", "ハナ"), ("陽菜", "ヒナ"), ("心春", "コハル"),
        ("杏", "アン"), ("咲良", "サクラ"), ("琴音", "コトネ"), ("彩花", "アヤカ"), ("楓", "カエデ"), ("結月", "ユヅキ"), ("芽衣", "メイ"), ("詩", "ウタ"),
    ];

    private sealed record Nationality(string Name, (string Alpha, string Kana, string? Kanji)[] Families, (string Alpha, string Kana, string? Kanji)[] Given);

    private static readonly Nationality[] Nationalities =
    [
        new("中国", [("WANG", "ワン", "王"), ("LI", "リー", "李"), ("ZHANG", "チャン", "張"), ("LIU", "リュウ", "劉"), ("CHEN", "チェン", "陳")],
            [("WEI", "ウェイ", "偉"), ("NA", "ナー", "娜"), ("FANG", "ファン", "芳"), ("JIE", "ジエ", "傑"), ("LEI", "レイ", "磊"), ("YAN", "イェン", "燕")]),
        new("韓国", [("KIM", "キム", "金"), ("LEE", "イ", "李"), ("PARK", "パク", "朴"), ("CHOI", "チェ", "崔"), ("JUNG", "チョン", "鄭")],
            [("MINJI", "ミンジ", "敏智"), ("JIHOON", "ジフン", "志勲"), ("SEOYEON", "ソヨン", "瑞妍"), ("MINJUN", "ミンジュン", "旻俊"), ("YUNA", "ユナ", "有娜"), ("HYUN", "ヒョン", "賢")]),
        new("ベトナム", [("NGUYEN", "グエン", null), ("TRAN", "チャン", null), ("LE", "レ", null), ("PHAM", "ファム", null), ("HOANG", "ホアン", null)],
            [("VAN AN", "ヴァン・アン", null), ("THI HOA", "ティ・ホア", null), ("MINH", "ミン", null), ("THI LAN", "ティ・ラン", null), ("DUC", "ドゥック", null), ("THANH", "タイン", null)]),
        new("フィリピン", [("SANTOS", "サントス", null), ("REYES", "レジェス", null), ("CRUZ", "クルス", null), ("BAUTISTA", "バウティスタ", null), ("GARCIA", "ガルシア", null)],
            [("MARIA", "マリア", null), ("JOSE", "ホセ", null), ("ANGELICA", "アンジェリカ", null), ("MARK", "マーク", null), ("JOY", "ジョイ", null), ("RICARDO", "リカルド", null)]),
        new("ブラジル", [("SILVA", "シルバ", null), ("OLIVEIRA", "オリベイラ", null), ("SOUZA", "ソウザ", null), ("PEREIRA", "ペレイラ", null), ("COSTA", "コスタ", null)],
            [("JOAO", "ジョアン", null), ("ANA", "アナ", null), ("LUCAS", "ルーカス", null), ("JULIANA", "ジュリアナ", null), ("PEDRO", "ペドロ", null), ("FERNANDA", "フェルナンダ", null)]),
        new("ネパール", [("GURUNG", "グルン", null), ("SHRESTHA", "シュレスタ", null), ("TAMANG", "タマン", null), ("RAI", "ライ", null), ("THAPA", "タパ", null)],
            [("RAM", "ラム", null), ("SITA", "シータ", null), ("BIKASH", "ビカス", null), ("ANITA", "アニタ", null), ("SANJAY", "サンジャイ", null), ("PRIYA", "プリヤ", null)]),
        new("米国", [("SMITH", "スミス", null), ("JOHNSON", "ジョンソン", null), ("BROWN", "ブラウン", null), ("MILLER", "ミラー", null), ("DAVIS", "デイビス", null)],
            [("JOHN", "ジョン", null), ("EMILY", "エミリー", null), ("MICHAEL", "マイケル", null), ("SARAH", "サラ", null), ("DAVID", "デイビッド", null), ("JESSICA", "ジェシカ", null)]),
    ];

    private static readonly string[] ResidenceStatuses =
        ["永住者", "技術・人文知識・国際業務", "技能実習", "留学", "家族滞在", "特定技能", "定住者", "日本人の配偶者等"];

    /// <summary>~300 町字: 50 place names × 1–6 丁目, plus 大字 for the rural part of the city; each with its 郵便番号.</summary>
    private static readonly (string Town, string PostalCode)[] Towns = BuildTowns();

    private static (string, string)[] BuildTowns()
    {
        string[] names =
        [
            "本町", "栄町", "緑町", "旭町", "錦町", "寿町", "幸町", "末広町", "大手町", "元町", "新町", "仲町", "港町", "桜町", "松原",
            "柳町", "若葉", "青葉台", "富士見", "東町", "西町", "南町", "北町", "中央", "駅前", "宮前", "八幡町", "天神町", "稲荷町", "城山",
            "城南", "城北", "泉町", "清水町", "日の出町", "春日町", "弥生町", "昭和町", "平和町", "大和町", "朝日町", "住吉町", "高砂町", "御幸町",
            "白山", "花園", "桜ケ丘", "緑ケ丘", "希望ケ丘", "みどり台",
        ];
        string[] rural = ["大字中野", "大字上原", "大字下原", "大字新田", "大字東山", "大字西山", "大字北川", "大字南川", "大字小田", "大字大沢"];
        string[] chome = ["一丁目", "二丁目", "三丁目", "四丁目", "五丁目", "六丁目"];
        var towns = new List<(string, string)>();
        for (var i = 0; i < names.Length; i++)
            for (var c = 0; c < 1 + (i * 7 % 6); c++)
                towns.Add(($"{City}{names[i]}{chome[c]}", $"123-{4000 + i * 10 + c:0000}"));
        for (var i = 0; i < rural.Length; i++) towns.Add(($"{City}{rural[i]}", $"123-{4600 + i:0000}"));
        return [.. towns];
    }

    private static readonly string[] Buildings = ["サンハイツ", "グリーンコーポ", "メゾン本町", "パークマンション", "レジデンス栄", "コーポ緑", "シャトー旭", "ハイム若葉", "ロイヤルヒルズ", "ベルメゾン"];

    private static readonly (string Text, string Issuer)[] PriorTowns =
    [
        ("東京都千代田区千代田", "千代田区"), ("東京都世田谷区太子堂二丁目", "世田谷区"), ("神奈川県横浜市中区山下町", "横浜市中区"),
        ("神奈川県川崎市川崎区宮本町", "川崎市川崎区"), ("埼玉県さいたま市浦和区常盤六丁目", "さいたま市浦和区"), ("千葉県千葉市中央区千葉港", "千葉市中央区"),
        ("大阪府大阪市北区中之島一丁目", "大阪市北区"), ("愛知県名古屋市中区三の丸三丁目", "名古屋市中区"), ("北海道札幌市中央区北一条西二丁目", "札幌市中央区"),
        ("福岡県福岡市中央区天神一丁目", "福岡市中央区"), ("宮城県仙台市青葉区国分町三丁目", "仙台市青葉区"), ("広島県広島市中区国泰寺町一丁目", "広島市中区"),
    ];

    private static readonly string[] Domiciles =
    [
        "東京都架空市本町一丁目", "東京都千代田区千代田", "大阪府大阪市北区中之島一丁目", "愛知県名古屋市中区三の丸三丁目", "福岡県福岡市中央区天神一丁目",
        "北海道札幌市中央区北一条西二丁目", "宮城県仙台市青葉区本町三丁目", "新潟県新潟市中央区学校町通一番町", "鹿児島県鹿児島市山下町", "沖縄県那覇市泉崎一丁目",
    ];
}
