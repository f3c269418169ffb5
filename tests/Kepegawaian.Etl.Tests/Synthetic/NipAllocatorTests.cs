using Kepegawaian.Etl.Synthetic;
using Kepegawaian.Warehouse.Domain;

namespace Kepegawaian.Etl.Tests.Synthetic;

/// <summary>At national scale many people share a birth month and TMT month; every NIP must still be unique and valid.</summary>
public sealed class NipAllocatorTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_full_bucket_moves_the_tmt_but_never_before_age_18_and_never_repeats_a_nip(bool pppk)
    {
        var nips = new NipAllocator();
        var birth = new DateOnly(1980, 3, 15);
        var seen = new HashSet<string>();
        // 30 000 people born the same day, all wanting a TMT in the month they turned 18 (so no earlier month is allowed).
        for (var i = 0; i < 30_000; i++)
        {
            var tmt = new DateOnly(1998, 4, 1);
            var nip = nips.Allocate(birth, ref tmt, i % 2 == 0 ? 'L' : 'P', pppk);
            Assert.True(seen.Add(nip), $"NIP {nip} handed out twice");
            var parsed = Nip.Parse(nip, pppk);
            Assert.True(parsed.Success, $"{nip}: {parsed.Error}");
            Assert.True(tmt >= new DateOnly(1998, 4, 1), $"{nip}: TMT {tmt} before age 18");
            Assert.Equal(pppk ? new DateOnly(tmt.Year, 1, 1) : tmt, parsed.Nip.Tmt);
        }
    }
}
