using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenCcer.Core.Lifecycle;
using OpenCcer.Core.Registry;
using OpenCcer.Server.Certificates;
using OpenCcer.Storage;
using UglyToad.PdfPig;

namespace OpenCcer.Web.Tests;

/// <summary>The participant portal, signed in per role through the sign-in page.</summary>
[Collection(WebCollection.Name)]
public sealed class PortalJourneys(WebServer server)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static FilePayload File(string name, string text) =>
        new() { Name = name, MimeType = "application/pdf", Buffer = [.. Pdf, .. Encoding.ASCII.GetBytes("% " + text + "\n")] };

    private static string Sha256(FilePayload f) => Convert.ToHexStringLower(SHA256.HashData(f.Buffer));

    private static async Task ExpectDoneAsync(IPage page, string done) =>
        await Assertions.Expect(page.Locator($"[data-done='{done}']")).ToBeVisibleAsync();

    private static async Task ExpectPhaseAsync(IPage page, string phase) =>
        await Assertions.Expect(page.Locator("[data-phase]")).ToHaveAttributeAsync("data-phase", phase);

    [Fact]
    public async Task owner_takes_a_project_to_application_the_vvb_validates_and_the_administrator_registers()
    {
        const string title = "Shandong Yantai offshore wind (browser journey)";
        string? manage = null;
        var design = File("design.pdf", "project design document");
        var report = File("validation.pdf", "validation report");

        await server.JourneyAsync("owner-drafts-and-publishes", async page =>
        {
            await WebServer.SignInAsync(page, "spic.maker");
            await page.ClickAsync("a[href='/portal/projects/new']");
            await page.FillAsync("#title", title);
            await page.SelectOptionAsync("#methodology", "CCER-01-002-V01");
            await page.FillAsync("#province", "Shandong");
            await page.FillAsync("#construction-start", "2024-03-01");
            await page.FillAsync("#crediting-start", "2025-01-01");
            // Typing an out-of-range value is flagged at once, before anything is sent.
            await page.FillAsync("#crediting-years", "0");
            await Assertions.Expect(page.Locator("[data-error-for=crediting_years]")).Not.ToBeEmptyAsync();
            await page.FillAsync("#crediting-years", "10");
            await Assertions.Expect(page.Locator("[data-error-for=crediting_years]")).ToBeEmptyAsync();
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForURLAsync(new Regex("/portal/projects/[0-9a-f-]{36}\\?done=drafted$"));
            manage = new Uri(page.Url).AbsolutePath;
            await ExpectPhaseAsync(page, "Draft");

            await page.SetInputFilesAsync("#file", design);
            await page.ClickAsync("#upload button[type=submit]");
            await ExpectDoneAsync(page, "uploaded");
            await Assertions.Expect(page.Locator("table.documents")).ToContainTextAsync(Sha256(design));

            await page.SelectOptionAsync("#vvb", "12100000VVB0000005");
            await page.ClickAsync("#publish button[type=submit]");
            await ExpectDoneAsync(page, "published");
            await ExpectPhaseAsync(page, "InPublicNotice");
            // The notice runs 20 working days: ending it is not offered yet.
            await Assertions.Expect(page.Locator("#notice form button")).ToBeDisabledAsync();
        });

        // The notice's 20 working days pass.
        server.Time.Advance(TimeSpan.FromDays(40));

        await server.JourneyAsync("owner-ends-the-notice", async page =>
        {
            await WebServer.SignInAsync(page, "spic.maker");
            await page.GotoAsync(manage!);
            await page.ClickAsync("#notice form button[type=submit]");
            await ExpectDoneAsync(page, "notice-ended");
            await ExpectPhaseAsync(page, "NoticeEnded");
        });

        await server.JourneyAsync("vvb-validates", async page =>
        {
            await WebServer.SignInAsync(page, "cqc.verifier");
            await Assertions.Expect(page.Locator("table.portal-projects")).ToContainTextAsync(title);
            await page.GotoAsync(manage!);
            await page.ClickAsync("#start-validation button");
            await ExpectDoneAsync(page, "validation-started");
            await ExpectPhaseAsync(page, "UnderValidation");

            await page.SetInputFilesAsync("#file", report);
            await page.ClickAsync("#upload button[type=submit]");
            await ExpectDoneAsync(page, "uploaded");
            await Assertions.Expect(page.Locator("#sha256")).ToHaveValueAsync(Sha256(report));
            await page.SelectOptionAsync("#conclusion", "positive");
            await page.FillAsync("#summary", "Meets CCER-01-002-V01; additionality exempt.");
            await page.ClickAsync("#report button[type=submit]");
            await ExpectDoneAsync(page, "reported");
            await ExpectPhaseAsync(page, "Validated");
        });

        await server.JourneyAsync("owner-applies", async page =>
        {
            await WebServer.SignInAsync(page, "spic.maker");
            await page.GotoAsync(manage!);
            await page.CheckAsync("input[name=commitment]");
            await page.ClickAsync("#apply button[type=submit]");
            await ExpectDoneAsync(page, "applied");
            await ExpectPhaseAsync(page, "Applied");
        });

        await server.JourneyAsync("administrator-registers", async page =>
        {
            await WebServer.SignInAsync(page, "registry.admin");
            await Assertions.Expect(page.Locator("table.portal-projects")).ToContainTextAsync(title);
            await page.GotoAsync(manage!);
            await page.ClickAsync("#start-review button");
            await ExpectDoneAsync(page, "review-started");
            await ExpectPhaseAsync(page, "UnderReview");
            await page.ClickAsync("#decide form:first-of-type button");
            await ExpectDoneAsync(page, "registered");
            await ExpectPhaseAsync(page, "Registered");

            // The public page shows the whole way, in order.
            await page.ClickAsync("a:text('Public page')");
            var kinds = await page.Locator(".timeline li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.kind)");
            Assert.Equal(["project_drafted", "project_notice_published", "project_notice_ended", "validation_started", "validation_reported",
                "project_applied", "project_review_started", "project_registered"], kinds);
            await Assertions.Expect(page.Locator("table.documents")).ToContainTextAsync(Sha256(report));
        });
    }

    [Fact]
    public async Task a_participant_moves_units_and_requests_a_cancellation_that_a_second_person_confirms()
    {
        var spic = (await server.Store.Registry.AccountsOfSubjectAsync("91370000MA3CSPIC01")).Single(a => a.Kind == (int)AccountKind.Registry);
        var holding = (await server.Store.Registry.HoldingsAsync(spic.Id)).First(h => h.Available >= 1_000);
        var key = $"{spic.Id}-{holding.ProjectCode}-{holding.Vintage}";
        var beneficiary = "Browser Journey Beverage Co. " + Guid.NewGuid().ToString("N")[..6];
        string? certificate = null;

        await server.JourneyAsync("participant-moves-and-requests", async page =>
        {
            await WebServer.SignInAsync(page, "spic.maker");
            await page.ClickAsync("a[href='/portal/holdings']");
            var card = page.Locator($"[data-holding='{key}']");
            await Assertions.Expect(card.Locator("[data-available]")).ToHaveTextAsync(Tonnes(holding.Available));
            Assert.True(await card.Locator("ul.blocks li").CountAsync() >= 1);
            await Assertions.Expect(card.Locator("ul.blocks li").First).ToContainTextAsync($"CCER-{holding.ProjectCode}-{holding.Vintage}-");

            await card.Locator("form.inline-form input[name=quantity]").FillAsync("50");
            await card.Locator("form.inline-form button").ClickAsync();
            await ExpectDoneAsync(page, "moved");
            card = page.Locator($"[data-holding='{key}']");
            await Assertions.Expect(card.Locator("[data-available]")).ToHaveTextAsync(Tonnes(holding.Available - 50));

            var form = card.Locator("form.cancel-form");
            await form.Locator("input[name=quantity]").FillAsync("100");
            await form.Locator("select[name=purpose]").SelectOptionAsync("voluntary_public_interest");
            await form.Locator("input[name=beneficiary]").FillAsync(beneficiary);
            await form.Locator("button").ClickAsync();
            await ExpectDoneAsync(page, "requested");
            var request = page.Locator("article.request", new() { HasText = beneficiary });
            await Assertions.Expect(request).ToHaveAttributeAsync("data-status", "Pending");
            // The requester cannot confirm their own request.
            await Assertions.Expect(request.Locator("button:text('Confirm')")).ToHaveCountAsync(0);
            await page.GotoAsync("/portal/holdings");
            await Assertions.Expect(page.Locator($"[data-holding='{key}'] [data-reserved]")).ToHaveTextAsync(Tonnes(holding.Reserved + 100));
        });

        await server.JourneyAsync("second-person-confirms", async page =>
        {
            await WebServer.SignInAsync(page, "spic.checker");
            await page.GotoAsync("/portal/cancellations");
            var request = page.Locator("article.request", new() { HasText = beneficiary });
            await request.Locator("button:text('Confirm')").ClickAsync();
            await ExpectDoneAsync(page, "confirmed");
            request = page.Locator("article.request", new() { HasText = beneficiary });
            await Assertions.Expect(request).ToHaveAttributeAsync("data-status", "Confirmed");
            var outcome = await request.Locator(".outcome").InnerTextAsync();
            certificate = Regex.Match(outcome, "certificate (\\S+?)\\.?$").Groups[1].Value;
            Assert.False(string.IsNullOrEmpty(certificate), outcome);

            // The ledger's record of the cancellation: which serial blocks were cancelled.
            var record = await server.Store.Registry.CancellationAsync(certificate);
            Assert.NotNull(record);
            var expected = CertificateViews.SerialBlocks(server.Services.GetRequiredService<SerialFormat>(),
                new Instrument(record.ProjectCode, record.Vintage), record.Ranges);
            Assert.Equal(100, Ranges(record.Ranges).Sum(r => r.Last - r.First + 1));

            // The certificate's PDF downloads from the request and prints those blocks.
            var links = request.Locator($".certificate [data-certificate='{certificate}']");
            var download = await page.RunAndWaitForDownloadAsync(() => links.Locator("a[data-pdf]").ClickAsync());
            Assert.Equal(certificate + ".pdf", download.SuggestedFilename);
            var path = await download.PathAsync();
            using (var pdf = PdfDocument.Open(await System.IO.File.ReadAllBytesAsync(path)))
            {
                var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
                Assert.Contains(certificate, text, StringComparison.Ordinal);
                Assert.Contains(beneficiary, text, StringComparison.Ordinal);
                foreach (var block in expected) Assert.Contains(block, text, StringComparison.Ordinal);
            }

            // The verification page shows the same blocks, and only those.
            await links.Locator("a[data-verify]").ClickAsync();
            await page.WaitForURLAsync($"**/verify/{certificate}");
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync(beneficiary);
            var shown = await page.Locator("li code").AllInnerTextsAsync();
            Assert.Equal(expected, shown);

            // The public register lists it with links to the same certificate, and it verifies by number.
            await page.GotoAsync("/cancellations?culture=en");
            await Assertions.Expect(page.Locator("table.cancellations")).ToContainTextAsync(beneficiary);
            var row = page.Locator($"table.cancellations tr[data-certificate-row='{certificate}']");
            await Assertions.Expect(row.Locator("a[data-verify]")).ToHaveAttributeAsync("href", $"/verify/{certificate}");
            await Assertions.Expect(row.Locator("a[data-pdf]")).ToHaveAttributeAsync("href", $"/api/v1/public/certificates/{certificate}/pdf");
            await page.FillAsync("input[name=certificate]", certificate);
            await page.ClickAsync("form.filters button");
            await Assertions.Expect(page.Locator("[data-verified]")).ToContainTextAsync("100 t");
        });

        await server.JourneyAsync("participant-finds-the-certificate-in-holdings", async page =>
        {
            await WebServer.SignInAsync(page, "spic.maker");
            await page.GotoAsync("/portal/holdings");
            var row = page.Locator($"section[data-account='{spic.Id}'] table.account-cancellations tr[data-certificate-row='{certificate}']");
            await Assertions.Expect(row).ToContainTextAsync(beneficiary);
            await Assertions.Expect(row.Locator("a[data-verify]")).ToHaveAttributeAsync("href", $"/verify/{certificate}");
            await Assertions.Expect(row.Locator("a[data-pdf]")).ToHaveAttributeAsync("href", $"/api/v1/public/certificates/{certificate}/pdf");
        });

        var cancelled = await server.Store.Registry.CancellationAsync(certificate!);
        Assert.Equal(100, cancelled!.Quantity);
        Assert.Equal(beneficiary, cancelled.Beneficiary);
        var after = (await server.Store.Registry.HoldingsAsync(spic.Id)).Single(h => h.ProjectCode == holding.ProjectCode && h.Vintage == holding.Vintage);
        Assert.Equal(holding.Available - 150, after.Available);
        Assert.Equal(holding.Cancelled + 100, after.Cancelled);
    }

    /// <summary>The stored ranges (<c>issuance:first-last,…</c>) as first and last serials.</summary>
    private static IEnumerable<(long First, long Last)> Ranges(string ranges) =>
        ranges.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r =>
        {
            var serials = r[(r.IndexOf(':', StringComparison.Ordinal) + 1)..].Split('-');
            return (long.Parse(serials[0], System.Globalization.CultureInfo.InvariantCulture), long.Parse(serials[1], System.Globalization.CultureInfo.InvariantCulture));
        });

    private static string Tonnes(long t) => t.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en")) + " t";
}
