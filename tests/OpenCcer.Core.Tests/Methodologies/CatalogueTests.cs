using OpenCcer.Core.Methodologies;

namespace OpenCcer.Core.Tests.Methodologies;

public sealed class CatalogueTests
{
    [Fact]
    public void catalogue_holds_the_four_methodologies_each_with_a_calculator()
    {
        var catalogue = MethodologyCatalogue.Shipped();

        Assert.Equal(["CCER-01-001-V01", "CCER-01-002-V01", "CCER-14-001-V01", "CCER-14-002-V01"], catalogue.Entries.Select(e => e.Code));
        Assert.All(catalogue.Entries, e => Assert.Equal(e.Code, MethodologyCalculators.Find(e.Code, catalogue)!.Code));
    }

    [Theory]
    [InlineData("CCER-01-002-V01", 0, 10, true)]
    [InlineData("ccer-14-001-v01", 20, 40, false)]
    public void crediting_limits_and_additionality_come_from_reference_data(string code, int min, int max, bool exempt)
    {
        var entry = MethodologyCatalogue.Shipped().Find(code)!;

        Assert.Equal((min, max, exempt), (entry.CreditingYearsMin, entry.CreditingYearsMax, entry.AdditionalityExempt));
    }

    [Fact]
    public void a_retired_methodology_is_a_csv_change_and_has_no_calculator_until_one_is_written()
    {
        const string csv = """
            code,name_zh,name_en,sector,version,in_force,crediting_years_min,crediting_years_max,additionality_exempt,retired_on,source
            CCER-01-002-V01,并网海上风力发电,Grid-connected offshore wind power,01,V01,2023-10-24,0,10,true,2030-01-01,x
            CCER-03-001-V01,新,New one,03,V01,2026-01-01,0,7,false,,x
            """;

        var catalogue = MethodologyCatalogue.Parse(csv);

        Assert.False(catalogue.Find("CCER-01-002-V01")!.IsInForceOn(new DateOnly(2030, 1, 1)));
        Assert.True(catalogue.Find("CCER-01-002-V01")!.IsInForceOn(new DateOnly(2029, 12, 31)));
        Assert.Null(MethodologyCalculators.Find("CCER-03-001-V01", catalogue));
        Assert.Null(MethodologyCalculators.Find("CCER-14-001-V01", catalogue));
    }

    [Fact]
    public void unknown_code_is_an_unknown_methodology_outcome()
    {
        using var doc = System.Text.Json.JsonDocument.Parse("{}");

        var outcome = MethodologyCalculators.Calculate("CCER-99-999-V01", doc.RootElement, MethodologyReferenceData.Shipped());

        Assert.Equal(CalculationStatus.UnknownMethodology, outcome.Status);
        Assert.Equal("code", Assert.Single(outcome.Errors).Field);
    }
}
