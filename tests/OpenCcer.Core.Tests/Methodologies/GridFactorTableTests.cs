using OpenCcer.Core.Methodologies.GridPower;

namespace OpenCcer.Core.Tests.Methodologies;

public sealed class GridFactorTableTests
{
    private static readonly GridFactorTable Shipped = GridFactorTable.Shipped();

    [Fact]
    public void shipped_table_has_the_six_regional_grids()
    {
        Assert.Equal(["Central China", "East China", "North China", "Northeast", "Northwest", "South"], Shipped.Grids);
    }

    [Theory]
    [InlineData("North China", 2019, GridFactorLookupStatus.Exact, 2019)]
    [InlineData("north china", 2030, GridFactorLookupStatus.EarlierYear, 2019)]
    [InlineData("North China", 2018, GridFactorLookupStatus.NoYearAtOrBefore, null)]
    [InlineData("Mars", 2019, GridFactorLookupStatus.UnknownGrid, null)]
    public void lookup_finds_the_year_or_the_latest_earlier_one(string grid, int year, GridFactorLookupStatus status, int? rowYear)
    {
        var lookup = Shipped.Find(grid, year);

        Assert.Equal(status, lookup.Status);
        Assert.Equal(rowYear, lookup.Row?.Year);
    }

    [Fact]
    public void adding_a_published_year_returns_a_new_table_and_leaves_the_old_one_alone()
    {
        var row = new GridFactorRow("North China", "华北", 2022, 0.8843m, 0.3823m, "published", "MEE 2022");

        var addition = Shipped.WithYear(row);

        Assert.Equal(GridFactorAdditionStatus.Added, addition.Status);
        Assert.Equal(2022, addition.Table.Find("North China", 2024).Row!.Year);
        Assert.Equal(2019, Shipped.Find("North China", 2024).Row!.Year);
    }

    [Fact]
    public void adding_an_existing_year_is_rejected()
    {
        var addition = Shipped.WithYear(new GridFactorRow("NORTH CHINA", "华北", 2019, 0.9m, 0.4m, "published", "x"));

        Assert.Equal(GridFactorAdditionStatus.DuplicateYear, addition.Status);
        Assert.Same(Shipped, addition.Table);
    }

    [Fact]
    public void adding_a_factor_in_kilograms_is_rejected_as_invalid()
    {
        var addition = Shipped.WithYear(new GridFactorRow("South", "南方", 2023, 804.2m, 213.5m, "published", "x"));

        Assert.Equal(GridFactorAdditionStatus.InvalidRow, addition.Status);
        Assert.Equal(["row: om_tco2_per_mwh", "row: bm_tco2_per_mwh"], addition.Errors.Select(e => e.Field));
    }

    [Fact]
    public void parse_reports_every_bad_line_and_returns_no_table()
    {
        const string csv = """
            grid,grid_zh,year,om_tco2_per_mwh,bm_tco2_per_mwh,status,source
            North China,华北,2019,0.9419,0.4819,published,a
            North China,华北,20x9,0.9419,0.4819,published,a
            South,南方,2019,-1,0.2,published,a
            North China,华北,2019,0.9,0.4,published,b
            """;

        var parse = GridFactorTable.Parse(csv);

        Assert.Null(parse.Table);
        Assert.Equal(["line 3", "line 4: om_tco2_per_mwh", "line 5"], parse.Errors.Select(e => e.Field));
    }
}
