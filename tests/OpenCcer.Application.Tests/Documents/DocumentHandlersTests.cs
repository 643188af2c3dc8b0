using OpenCcer.Application.Documents;
using OpenCcer.Application.Lifecycle;
using OpenCcer.Application.Tests.Lifecycle;
using OpenCcer.Core.Lifecycle;
using static OpenCcer.Application.Tests.Lifecycle.LifecycleHarness;

namespace OpenCcer.Application.Tests.Documents;

/// <summary>Who uploads which document, the type check, the limit and the disclosure, through the handlers on a real SQLite store.</summary>
public sealed class DocumentHandlersTests : IAsyncLifetime
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"u8];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00];

    private readonly LifecycleHarness harness = new();

    public Task InitializeAsync() => harness.InitializeAsync();

    public Task DisposeAsync() => harness.DisposeAsync();

    private static DocumentHandlers.ReadUpload Sends(string kind, byte[] content, string fileName = "document.pdf", string? reduction = null) =>
        _ => Task.FromResult<Outcome<DocumentUpload>>(new DocumentUpload(kind, reduction, fileName, content));

    private Task<Outcome<VisibleDocument>> Upload(Caller caller, Guid project, string kind, byte[]? content = null, string fileName = "document.pdf") =>
        harness.Documents.UploadAsync(caller, project, Sends(kind, content ?? Pdf, fileName));

    public static TheoryData<string, string, bool> Rights => new()
    {
        // caller, kind, may upload (to a project published naming the VVB)
        { "owner", "design_document", true },
        { "owner", "evidence", true },
        { "owner", "validation_report", false },
        { "vvb", "validation_report", true },
        { "vvb", "design_document", false },
        { "vvb", "evidence", false },
        { "other-vvb", "validation_report", false },
        { "other-owner", "design_document", false },
        { "trader", "design_document", false },
        { "regulator", "design_document", false },
        { "administrator", "evidence", false },
    };

    private static Caller CallerNamed(string name) => name switch
    {
        "owner" => OwnerCaller,
        "vvb" => VvbCaller,
        "other-vvb" => OtherVvbCaller,
        "other-owner" => OtherOwnerCaller,
        "trader" => TraderCaller,
        "regulator" => Regulator,
        _ => Administrator,
    };

    [Theory]
    [MemberData(nameof(Rights))]
    public async Task only_the_owner_uploads_its_documents_and_only_the_named_vvb_its_validation_report(string caller, string kind, bool allowed)
    {
        var project = await harness.PublishedAsync();
        var outcome = await Upload(CallerNamed(caller), project, kind);
        if (allowed) Assert.Equal(harness.Clock.GetUtcNow(), Ok(outcome).Document.UploadedAt);
        else Refused(outcome, RefusalKind.Forbidden, "/problems/forbidden");
    }

    [Fact]
    public async Task a_stranger_is_refused_before_the_upload_is_read()
    {
        var project = await harness.PublishedAsync();
        var read = false;
        var outcome = await harness.Documents.UploadAsync(TraderCaller, project, _ =>
        {
            read = true;
            return Task.FromResult<Outcome<DocumentUpload>>(new DocumentUpload("design_document", null, "d.pdf", Pdf));
        });
        Assert.Same(DocumentRights.NotOwnerOrVvb, Refused(outcome, RefusalKind.Forbidden, "/problems/forbidden"));
        Assert.False(read);
    }

    [Fact]
    public async Task a_file_whose_bytes_are_not_of_its_named_type_is_refused_as_an_unsupported_media_type()
    {
        var project = await harness.DraftAsync();
        var refusal = Refused(await Upload(OwnerCaller, project, "design_document", Png, "design.pdf"),
            RefusalKind.UnsupportedMediaType, "/problems/unsupported-media-type");
        Assert.Equal("Unsupported file type.", refusal.Title);
        Refused(await Upload(OwnerCaller, project, "design_document", Pdf, "design.exe"), RefusalKind.UnsupportedMediaType, "/problems/unsupported-media-type");
        Assert.Empty(await harness.Store.Documents.DocumentsOfProjectAsync(new ProjectId(project)));
    }

    [Fact]
    public async Task reports_of_a_reduction_need_its_id_and_project_documents_refuse_one()
    {
        var project = await harness.DraftAsync();
        var refusal = Refused(await Upload(OwnerCaller, project, "monitoring_report"), RefusalKind.Invalid, Refusals.InvalidInput);
        Assert.True(refusal.Errors!.ContainsKey("reduction_id"));
        refusal = Refused(await harness.Documents.UploadAsync(OwnerCaller, project, Sends("design_document", Pdf, reduction: Guid.NewGuid().ToString())),
            RefusalKind.Invalid, Refusals.InvalidInput);
        Assert.True(refusal.Errors!.ContainsKey("reduction_id"));
        Refused(await harness.Documents.UploadAsync(OwnerCaller, project, Sends("evidence", Pdf, reduction: Guid.NewGuid().ToString())),
            RefusalKind.NotFound, "/problems/not-found");
    }

    [Fact]
    public async Task a_project_holds_at_most_its_limit_of_documents()
    {
        var project = await harness.DraftAsync();
        for (var i = 0; i < harness.Documents.Limits.PerProjectMax; i++)
            Ok(await Upload(OwnerCaller, project, "evidence", [.. Pdf, (byte)i]));
        var refusal = Refused(await Upload(OwnerCaller, project, "evidence"), RefusalKind.Conflict, "/problems/limit-reached");
        Assert.Equal(harness.Documents.Limits.PerProjectMax, refusal.Facts!["per_project_max"]);
    }

    [Fact]
    public async Task a_design_document_is_hidden_from_the_public_until_the_notice_and_then_stays_disclosed()
    {
        var project = await harness.DraftAsync();
        var uploaded = Ok(await Upload(OwnerCaller, project, "design_document"));
        Assert.False(uploaded.Disclosed);
        var id = uploaded.Document.Id.Value;
        Assert.Empty(Ok(await harness.Documents.ListAsync(Caller.Public, project)));
        Assert.Empty(Ok(await harness.Documents.ListAsync(OtherVvbCaller, project)));
        Refused(await harness.Documents.GetAsync(TraderCaller, id), RefusalKind.NotFound, "/problems/not-found");
        Refused(await harness.Documents.ContentAsync(Caller.Public, id), RefusalKind.NotFound, "/problems/not-found");
        Assert.Single(Ok(await harness.Documents.ListAsync(OwnerCaller, project)));
        Assert.Single(Ok(await harness.Documents.ListAsync(Regulator, project)));

        Ok(await harness.Projects.PublishAsync(OwnerCaller, project, new VvbRequest(Vvb)));
        var shown = Ok(await harness.Documents.GetAsync(Caller.Public, id));
        Assert.True(shown.Disclosed);
        Assert.Equal(harness.Clock.GetUtcNow(), shown.Document.DisclosedAt);
        Assert.Equal(Pdf, Ok(await harness.Documents.ContentAsync(Caller.Public, id)).Bytes);

        Ok(await harness.Projects.WithdrawAsync(OwnerCaller, project, new TextRequest("Redesign.")));
        Assert.Single(Ok(await harness.Documents.ListAsync(Caller.Public, project)));
    }
}
