using Kepegawaian.Analytics.Common;

namespace Kepegawaian.Analytics.Tests.Common;

/// <summary>Hand-made rows; the expected hidden cells are worked out by hand from the rule in SmallCells.</summary>
public sealed class SmallCellsTests
{
    [Fact]
    public void One_hidden_part_hides_the_next_smallest_so_it_cannot_be_subtracted()
    {
        // 33 employees: 20 Baik, 3 Butuh Perbaikan, 10 Kurang. 3 is primary; 10 is the next smallest.
        var s = SmallCells.Row(5, 33, 20, 3, 10);
        Assert.False(s.Total);
        Assert.Equal([false, true, true], s.Parts);
        Assert.False(s.Small);
    }

    [Fact]
    public void Zero_parts_are_shown_and_never_chosen_as_the_complement()
    {
        // 23 = 20 + 3 + 0: hiding the 0 would still let 23 − 20 − 0 = 3 through, so the 20 goes.
        Assert.Equal([true, true, false], SmallCells.Row(5, 23, 20, 3, 0).Parts);
        Assert.Equal([false, false, false], SmallCells.Row(5, 23, 23, 0, 0).Parts);
    }

    [Fact]
    public void Hidden_parts_adding_up_to_less_than_the_threshold_hide_one_more()
    {
        // 30 = 26 + 1 + 2 + 1: hidden 1 + 2 + 1 = 4 < 5 would be derivable, so 26 goes too.
        Assert.Equal([true, true, true, true], SmallCells.Row(5, 30, 26, 1, 2, 1).Parts);
        // 3 + 4 = 7 hidden already protects both.
        Assert.Equal([false, true, true], SmallCells.Row(5, 40, 33, 3, 4).Parts);
    }

    [Fact]
    public void A_total_below_the_threshold_hides_the_whole_row_but_not_zeros_or_empty_rows()
    {
        var s = SmallCells.Row(5, 4, 1, 3, 0);
        Assert.True(s.Small);
        Assert.True(s.Total);
        Assert.Equal([true, true, true], s.Parts);
        Assert.False(SmallCells.Row(5, 0, 0, 0).Total);
        Assert.False(SmallCells.Row(5, 5, 5, 0).Total); // exactly the threshold is shown
    }

    [Fact]
    public void Two_part_split_compliant_non_compliant_hides_both_or_neither()
    {
        // 11 staff, 2 compliant: 11 − 9 = 2, so both counts go; 11 is shown.
        Assert.Equal([true, true], SmallCells.Row(5, 11, 2, 9).Parts);
        Assert.Equal([false, false], SmallCells.Row(5, 11, 5, 6).Parts);
    }

    [Fact]
    public void Grid_with_row_and_column_totals_leaves_no_line_with_a_single_hidden_cell()
    {
        // 2 × 3 grid, rows and columns totals published (cells 6..10), hand-checked below.
        //        a   b   c | row
        // r0    10   2  10 | 22
        // r1     9   9   9 | 27
        // col   19  11  19
        long[] counts = [10, 2, 10, 9, 9, 9, 22, 27, 19, 11, 19];
        CountLine[] lines =
        [
            new(6, [0, 1, 2]), new(7, [3, 4, 5]),
            new(8, [0, 3]), new(9, [1, 4]), new(10, [2, 5]),
        ];
        var hidden = SmallCells.Suppress(counts, lines, 5);
        // 2 primary → row 0 hides 10 (cell 0, first of the smallest), column b hides 9 (cell 4),
        // column a then has cell 0 alone → hides 9 (cell 3); row 1 has 3 and 4 hidden (18): safe.
        Assert.Equal([true, true, false, true, true, false, false, false, false, false, false], hidden);
        foreach (var line in lines)
        {
            var cells = line.Parts.Append(line.Total!.Value).ToList();
            Assert.NotEqual(1, cells.Count(i => hidden[i]));
            var sum = line.Parts.Where(i => hidden[i]).Sum(i => counts[i]);
            Assert.False(sum is > 0 and < 5);
        }
    }
}
