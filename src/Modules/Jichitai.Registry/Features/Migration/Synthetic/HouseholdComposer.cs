using Jichitai.Registry.Domain.Codes;
using C = Jichitai.Registry.Domain.Codes.MovementReasonCode;

namespace Jichitai.Registry.Features.Migration.Synthetic;

/// <summary>
/// Composes one household at a time: its shape (roughly the 2020 census mix of Japan: 38% single, 20% couples, 25% couples with
/// children, 9% single parents, the rest three generations and others; 2.2 persons on average), the members' names, births and
/// 続柄, and the dates of their history (転入/出生, 転居, 世帯主変更, 死亡/転出). Every date lies on or before the reference date.
/// </summary>
internal sealed partial class HouseholdComposer(Random random, DateOnly today)
{
    private const string Head = "00", Husband = "11", Wife = "12", Child = "20", Father = "31", Mother = "32",
        ChildsWife = "2012", Grandchild = "2020", Kin = "90", Cohabitant = "91";

    // Shares chosen so that persons come out as: ~2% foreign, ~0.5% 外字 surnames, ~3% 消除 on top of the residents.
    private const double ForeignHouseholdRate = 0.027, GaijiRate = 0.005, MovedAwayHouseholdRate = 0.009;

    public void Compose(SyntheticHousehold h, bool singleOnly)
    {
        h.Members.Clear();
        h.MovedTo = null;
        h.RelocatedOn = null;
        h.Address = SyntheticPlaces.Address(random);
        if (singleOnly) Single(h);
        else if (random.NextDouble() < ForeignHouseholdRate) ForeignHousehold(h);
        else
        {
            var shape = random.NextDouble();
            if (shape < 0.36) Single(h);
            else if (shape < 0.585) Couple(h);
            else if (shape < 0.825) Family(h, withFather: true);
            else if (shape < 0.915) Family(h, withFather: false);
            else if (shape < 0.945) ThreeGenerationsWithParents(h);
            else if (shape < 0.975) ThreeGenerationsWithChildsFamily(h);
            else WithCohabitant(h);
        }
        // 転居 within the city for almost half the households; then, for a few, the whole household moved away (転出).
        if (random.NextDouble() < 0.45 && StrictlyAfter(h.EstablishedOn, today) is { } relocated)
        {
            h.RelocatedOn = relocated;
            h.MovedTo = SyntheticPlaces.Address(random);
        }
        if (!singleOnly && random.NextDouble() < MovedAwayHouseholdRate && StrictlyAfter(LastEvent(h), today) is { } left)
            foreach (var m in h.Members.Where(m => m.Living)) MoveAway(m, left);
    }

    private void Single(SyntheticHousehold h)
    {
        var roll = random.NextDouble();
        var birth = roll < 0.45 ? BirthForAge(18, 39) : roll < 0.62 ? BirthForAge(40, 64) : BirthForAge(65, 95);
        var elderly = birth < today.AddYears(-65);
        var gender = random.NextDouble() < (elderly ? 0.65 : 0.45) ? 2 : 1;
        var surname = SyntheticNames.Surname(random, GaijiRate);
        var widowed = elderly && random.NextDouble() < 0.30;
        var spouseBirth = birth.AddDays(random.Next(-5 * 365, 2 * 365));
        h.EstablishedOn = SetUp(Later(birth, spouseBirth).AddYears(widowed ? 22 : 18));
        var head = Japanese(surname, gender, birth, Head);
        Enter(head, h.EstablishedOn);
        if (!widowed || StrictlyAfter(h.EstablishedOn, today) is not { } died)
        {
            head.DomicileHead = birth < today.AddYears(-30) ? head.FullName : $"{surname.Text}　{SyntheticNames.Given(random, 1, birth.AddYears(-30)).Text}";
            h.Members.Add(head);
            return;
        }
        // 死亡 of the spouse: if he was the 世帯主, the widow became 世帯主 that day (世帯主変更).
        var spouse = Japanese(surname, 3 - gender, spouseBirth, gender == 2 ? Head : Wife);
        Enter(spouse, h.EstablishedOn);
        Remove(spouse, C.Death, died);
        if (gender == 2) (head.RelationshipBefore, head.RelationshipChangedOn) = (Wife, died);
        var husband = gender == 1 ? head : spouse;
        head.Domicile = spouse.Domicile;
        head.DomicileHead = spouse.DomicileHead = husband.FullName;
        h.Members.Add(head);
        h.Members.Add(spouse);
    }

    private void Couple(SyntheticHousehold h)
    {
        var husbandBirth = random.NextDouble() < 0.3 ? BirthForAge(25, 59) : BirthForAge(60, 90);
        var wifeBirth = husbandBirth.AddDays(random.Next(-2 * 365, 5 * 365));
        var surname = SyntheticNames.Surname(random, GaijiRate);
        h.EstablishedOn = SetUp(Later(husbandBirth, wifeBirth).AddYears(20));
        var (husband, wife) = Spouses(surname, husbandBirth, wifeBirth);
        Enter(husband, h.EstablishedOn);
        var roll = random.NextDouble();
        if (roll < 0.20 && StrictlyAfter(h.EstablishedOn, today) is { } married) EnterAdult(wife, married); // 婚姻で転入
        else EnterAdult(wife, h.EstablishedOn);
        if (roll is >= 0.20 and < 0.25 && StrictlyAfter(h.EstablishedOn, today) is { } changed)
        {
            // 世帯主変更: the wife became 世帯主, the husband 夫.
            (husband.RelationshipAfter, husband.RelationshipChangedOn) = (Husband, changed);
            (wife.RelationshipAfter, wife.RelationshipChangedOn) = (Head, changed);
        }
        h.Members.Add(husband.RelationshipAfter == Head ? husband : wife);
        h.Members.Add(husband.RelationshipAfter == Head ? wife : husband);
        // Elderly couples: a grown child who has moved away (転出), still on record as a 除票 of the household.
        if (husbandBirth < today.AddYears(-55) && random.NextDouble() < 0.12)
        {
            var child = Japanese(surname, random.Next(1, 3), ChildBirth(husbandBirth, wifeBirth), Child);
            SameRegister(child, husband);
            EnterAsChild(child, h.EstablishedOn);
            if (StrictlyAfter(Later(child.EnteredOn, child.Birth.AddYears(18)), today) is { } left)
            {
                MoveAway(child, left);
                h.Members.Add(child);
            }
        }
    }

    private void Family(SyntheticHousehold h, bool withFather)
    {
        var surname = SyntheticNames.Surname(random, GaijiRate);
        var parentBirth = BirthForAge(27, 62);
        var otherBirth = parentBirth.AddDays(random.Next(-2 * 365, 5 * 365));
        SyntheticPerson head;
        SyntheticPerson? wife = null;
        if (withFather)
        {
            (head, wife) = Spouses(surname, parentBirth, otherBirth);
        }
        else
        {
            head = Japanese(surname, random.NextDouble() < 0.85 ? 2 : 1, parentBirth, Head);
            head.DomicileHead = head.FullName;
        }
        var children = ChildCount();
        var births = new List<DateOnly>();
        for (var i = 0; i < children; i++)
            if (ChildBirth(parentBirth, withFather ? otherBirth : parentBirth) is var b && b <= today) births.Add(b);
        births.Sort();
        var earliest = Later(parentBirth, withFather ? otherBirth : parentBirth).AddYears(20);
        h.EstablishedOn = SetUp(births.Count > 0 && births[0] < earliest ? births[0] : earliest);
        Enter(head, h.EstablishedOn);
        h.Members.Add(head);
        if (wife is not null)
        {
            EnterAdult(wife, h.EstablishedOn);
            h.Members.Add(wife);
        }
        foreach (var b in births)
        {
            var child = Japanese(surname, random.Next(1, 3), b, Child);
            SameRegister(child, head);
            EnterAsChild(child, h.EstablishedOn);
            h.Members.Add(child);
        }
    }

    private void ThreeGenerationsWithParents(SyntheticHousehold h)
    {
        Family(h, withFather: true);
        var head = h.Members[0];
        var surname = new NamePart(head.FamilyName, head.FamilyKana);
        var fatherBirth = head.Birth.AddYears(-random.Next(24, 38)).AddDays(-random.Next(365));
        var motherBirth = fatherBirth.AddDays(random.Next(-2 * 365, 3 * 365));
        var joined = random.NextDouble() < 0.5 ? StrictlyAfter(h.EstablishedOn, today) ?? h.EstablishedOn : h.EstablishedOn;
        var (father, mother) = Spouses(surname, fatherBirth, motherBirth);
        (father.RelationshipBefore, father.RelationshipAfter, mother.RelationshipBefore, mother.RelationshipAfter) = (Father, Father, Mother, Mother);
        var which = random.Next(3); // both, only the father, only the mother
        foreach (var parent in new[] { father, mother })
        {
            if ((which == 1 && parent == mother) || (which == 2 && parent == father) || parent.Birth < today.AddYears(-100)) continue;
            EnterAdult(parent, joined);
            if (random.NextDouble() < 0.15 && StrictlyAfter(joined, today) is { } died) Remove(parent, C.Death, died);
            h.Members.Add(parent);
        }
    }

    private void ThreeGenerationsWithChildsFamily(SyntheticHousehold h)
    {
        var surname = SyntheticNames.Surname(random, GaijiRate);
        var headBirth = BirthForAge(58, 88);
        var wifeBirth = headBirth.AddDays(random.Next(-2 * 365, 5 * 365));
        var (head, wife) = Spouses(surname, headBirth, wifeBirth);
        var sonBirth = wifeBirth.AddYears(random.Next(24, 36)).AddDays(random.Next(365));
        h.EstablishedOn = SetUp(Later(headBirth, wifeBirth).AddYears(22));
        Enter(head, h.EstablishedOn);
        EnterAdult(wife, h.EstablishedOn);
        h.Members.Add(head);
        h.Members.Add(wife);
        var son = Japanese(surname, 1, sonBirth, Child);
        EnterAsChild(son, h.EstablishedOn);
        h.Members.Add(son);
        // The son married: his wife (子の妻) came in by 転入, their children (子の子) were born here. He heads their 戸籍.
        SameRegister(son, head);
        var daughterInLaw = Japanese(surname, 2, sonBirth.AddDays(random.Next(-3 * 365, 4 * 365)), ChildsWife);
        var marriedOn = Between(Later(Later(son.EnteredOn, sonBirth.AddYears(22)), daughterInLaw.Birth.AddYears(20)), today);
        if (marriedOn > today) return;
        son.Domicile = daughterInLaw.Domicile = SyntheticPlaces.Domicile(random);
        son.DomicileHead = daughterInLaw.DomicileHead = son.FullName;
        Enter(daughterInLaw, marriedOn);
        h.Members.Add(daughterInLaw);
        for (var i = random.Next(0, 3); i > 0; i--)
        {
            var latest = Earlier(today, Earlier(daughterInLaw.Birth.AddYears(44), sonBirth.AddYears(45)));
            var born = Between(Later(marriedOn, daughterInLaw.Birth.AddYears(21)), latest);
            if (born > latest) break;
            var grandchild = Japanese(surname, random.Next(1, 3), born, Grandchild);
            SameRegister(grandchild, son);
            Enter(grandchild, born);
            h.Members.Add(grandchild);
        }
    }

    private void WithCohabitant(SyntheticHousehold h)
    {
        var surname = SyntheticNames.Surname(random, GaijiRate);
        var head = Japanese(surname, random.Next(1, 3), BirthForAge(22, 80), Head);
        head.DomicileHead = head.FullName;
        var kin = random.NextDouble() < 0.3;
        var other = Japanese(kin ? surname : SyntheticNames.Surname(random, GaijiRate), random.Next(1, 3), BirthForAge(18, 80), kin ? Kin : Cohabitant);
        other.DomicileHead = other.FullName;
        h.EstablishedOn = SetUp(head.Birth.AddYears(18));
        Enter(head, h.EstablishedOn);
        Enter(other, Between(Later(h.EstablishedOn, other.Birth.AddYears(18)), today));
        h.Members.Add(head);
        if (other.EnteredOn <= today) h.Members.Add(other);
    }

    private void ForeignHousehold(SyntheticHousehold h)
    {
        var roll = random.NextDouble();
        // 外国人住民区分 (住基法30条の45): mostly 中長期在留者, then 特別永住者; 一時庇護・仮滞在・経過滞在 are rare.
        var category = roll < 0.83 ? ForeignResidentCategory.MidToLongTermResident
            : roll < 0.93 ? ForeignResidentCategory.SpecialPermanentResident
            : roll < 0.955 ? ForeignResidentCategory.TemporaryRefugeePermit
            : roll < 0.98 ? ForeignResidentCategory.ProvisionalStayPermit
            : ForeignResidentCategory.TransitionalStay;
        var nationality = category == ForeignResidentCategory.SpecialPermanentResident ? SyntheticForeigners.Korea : SyntheticForeigners.PickNationality(random);
        var headBirth = category == ForeignResidentCategory.SpecialPermanentResident ? BirthForAge(25, 85) : BirthForAge(19, 55);
        var head = Foreigner(nationality, random.NextDouble() < 0.55 ? 1 : 2, headBirth, category, Head);
        // 一時庇護・仮滞在 are recent arrivals; 経過滞在 (国籍喪失) lasts 60 days (入管法22条の2).
        h.EstablishedOn = category switch
        {
            ForeignResidentCategory.TemporaryRefugeePermit or ForeignResidentCategory.ProvisionalStayPermit => Between(today.AddDays(-180), today),
            ForeignResidentCategory.TransitionalStay => Between(today.AddDays(-59), today),
            _ => SetUp(Later(headBirth.AddYears(18), today.AddYears(-25))),
        };
        EnterForeign(head, h.EstablishedOn);
        h.Members.Add(head);
        if (category is not (ForeignResidentCategory.MidToLongTermResident or ForeignResidentCategory.SpecialPermanentResident) || random.NextDouble() < 0.7)
            return;
        var spouseBirth = headBirth.AddDays(random.Next(-4 * 365, 4 * 365));
        var spouse = Foreigner(nationality, 3 - head.Gender, spouseBirth, category, head.Gender == 1 ? Wife : Husband);
        if (category == ForeignResidentCategory.MidToLongTermResident)
            spouse.Status = head.Status == "永住者" ? "永住者の配偶者等" : "家族滞在";
        EnterForeign(spouse, h.EstablishedOn);
        h.Members.Add(spouse);
        var latest = Earlier(today, Earlier(headBirth, spouseBirth).AddYears(45));
        if (random.NextDouble() < 0.35 && Between(Later(h.EstablishedOn, Later(headBirth, spouseBirth).AddYears(20)), latest) is var born && born <= latest)
        {
            // Born here: a 特別永住者's child is one too; any other child is 経過滞在者 for 60 days, then 家族滞在.
            var newborn = born > today.AddDays(-60);
            var childCategory = category == ForeignResidentCategory.SpecialPermanentResident ? category
                : newborn ? ForeignResidentCategory.TransitionalStay : ForeignResidentCategory.MidToLongTermResident;
            var child = Foreigner(nationality, random.Next(1, 3), born, childCategory, Child);
            child.LatinName = head.LatinName.Split(' ')[0] + child.LatinName[child.LatinName.IndexOf(' ')..];
            if (head.FamilyName.Length == 0) (child.FamilyName, child.GivenName, child.FamilyKana, child.GivenKana) = ("", "", "", "");
            else if (child.FamilyName.Length > 0) (child.FamilyName, child.FamilyKana) = (head.FamilyName, head.FamilyKana);
            Enter(child, born, C.Birth);
            if (childCategory == ForeignResidentCategory.MidToLongTermResident)
            {
                child.Status = "家族滞在";
                SetStay(child);
            }
            h.Members.Add(child);
        }
    }
}
