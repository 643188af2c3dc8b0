using Microsoft.Data.Sqlite;
using OpenCcer.Storage;
using OpenCcer.Storage.People;
using OpenCcer.Storage.Tests;

namespace OpenCcer.Application.Tests.ChangeRequests;

public sealed class LegacyCertificateTests
{
    [Fact]
    public async Task a_database_from_before_the_certificate_column_keeps_its_confirmed_cancellations_certificates()
    {
        var connectionString = TestStores.NewSqliteConnectionString();
        await using (var old = new SqliteConnection(connectionString))
        {
            await old.OpenAsync();
            await using var command = old.CreateCommand();
            command.CommandText = """
                CREATE TABLE change_requests (
                    id text PRIMARY KEY, organisation_id text NOT NULL, operation_id text NOT NULL, request_hash text NOT NULL,
                    kind integer NOT NULL, account_id bigint NOT NULL, project_code text, vintage integer, quantity bigint,
                    purpose integer, beneficiary text, target_state integer, reason text NOT NULL, reservation_id bigint,
                    status integer NOT NULL, initiated_by text NOT NULL, initiated_at text NOT NULL, decided_by text,
                    decided_at text, outcome text, UNIQUE (organisation_id, operation_id));
                INSERT INTO change_requests VALUES ('a', 'o', 'op-a', 'h', 1, 1, 'SD-OW-0001', 2023, 7, 3, 'B', NULL, 'r', 5, 2, 'm', 't', 'c', 't',
                    'Cancelled: certificate CCER-C-2026-000042.');
                INSERT INTO change_requests VALUES ('b', 'o', 'op-b', 'h', 1, 1, 'SD-OW-0001', 2023, 7, 3, 'B', NULL, 'r', 6, 3, 'm', 't', 'c', 't',
                    'Reservation 6 released.');
                """;
            await command.ExecuteNonQueryAsync();
        }
        await using var store = LedgerStore.Open(connectionString);
        await store.InitializeAsync();
        Assert.Equal((ChangeRequestKind.Cancellation, ChangeRequestStatus.Confirmed), ((await store.Workflow.ChangeRequestAsync("a"))!.Kind, (await store.Workflow.ChangeRequestAsync("a"))!.Status));
        Assert.Equal("CCER-C-2026-000042", (await store.Workflow.ChangeRequestAsync("a"))!.CertificateNumber);
        Assert.Null((await store.Workflow.ChangeRequestAsync("b"))!.CertificateNumber);
    }
}
