using System.Data.Common;
using OpenCcer.Storage.Journal;

namespace OpenCcer.Storage.Projections;

/// <summary>The schema: every table, described once for both providers.</summary>
public static class Tables
{
    private static string? NullableText(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static readonly TableSpec<JournalEntry> Journal = new("journal",
        [new("seq", "bigint"), new("operation_id", "text"), new("request_hash", "text"), new("kind", "text"),
         new("event", "text"), new("recorded_at", "text"), new("prev_hash", "text"), new("hash", "text")],
        ["seq"],
        e => [e.Sequence, e.OperationId, e.RequestHash, e.Kind, e.EventJson, e.RecordedAt, e.PreviousHash, e.Hash],
        r => new JournalEntry(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7)));

    public static readonly TableSpec<AccountRow> Accounts = new("accounts",
        [new("id", "bigint"), new("kind", "integer"), new("pair_id", "bigint"), new("subject_id", "text"), new("subject_name", "text"),
         new("holder_type", "integer"), new("state", "integer"), new("freeze_reference", "text"), new("opened_at", "text")],
        ["id"],
        a => [a.Id, a.Kind, a.PairId, a.SubjectId, a.SubjectName, a.HolderType, a.State, a.FreezeReference, a.OpenedAt],
        r => new AccountRow(r.GetInt64(0), r.GetInt32(1), r.GetInt64(2), r.GetString(3), r.GetString(4), r.GetInt32(5), r.GetInt32(6), NullableText(r, 7), r.GetString(8)));

    public static readonly TableSpec<IssuanceRow> Issuances = new("issuances",
        [new("id", "bigint"), new("reference", "text"), new("project_code", "text"), new("vintage", "integer"), new("first_serial", "bigint"),
         new("last_serial", "bigint"), new("account_id", "bigint"), new("issued_at", "text")],
        ["id"],
        i => [i.Id, i.Reference, i.ProjectCode, i.Vintage, i.First, i.Last, i.AccountId, i.IssuedAt],
        r => new IssuanceRow(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetString(7)));

    public static readonly TableSpec<BlockRow> Blocks = new("blocks",
        [new("id", "bigint"), new("issuance_id", "bigint"), new("project_code", "text"), new("vintage", "integer"), new("first_serial", "bigint"),
         new("last_serial", "bigint"), new("account_id", "bigint"), new("state", "integer"), new("hold", "bigint")],
        ["id"],
        b => [b.Id, b.IssuanceId, b.ProjectCode, b.Vintage, b.First, b.Last, b.AccountId, b.State, b.Hold],
        r => new BlockRow(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetInt32(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt32(7), r.GetInt64(8)));

    public static readonly TableSpec<HoldingRow> Holdings = new("holdings",
        [new("account_id", "bigint"), new("project_code", "text"), new("vintage", "integer"), new("available", "bigint"),
         new("reserved", "bigint"), new("frozen", "bigint"), new("cancelled", "bigint")],
        ["account_id", "project_code", "vintage"],
        h => [h.AccountId, h.ProjectCode, h.Vintage, h.Available, h.Reserved, h.Frozen, h.Cancelled],
        r => new HoldingRow(r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6)));

    public static readonly TableSpec<ReservationRow> Reservations = new("reservations",
        [new("id", "bigint"), new("account_id", "bigint"), new("project_code", "text"), new("vintage", "integer"), new("purpose", "text"),
         new("quantity", "bigint"), new("remaining", "bigint"), new("created_at", "text")],
        ["id"],
        x => [x.Id, x.AccountId, x.ProjectCode, x.Vintage, x.Purpose, x.Quantity, x.Remaining, x.CreatedAt],
        r => new ReservationRow(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetInt32(3), r.GetString(4), r.GetInt64(5), r.GetInt64(6), r.GetString(7)));

    public static readonly TableSpec<FreezeRow> Freezes = new("freezes",
        [new("id", "bigint"), new("account_id", "bigint"), new("project_code", "text"), new("vintage", "integer"),
         new("authority_reference", "text"), new("quantity", "bigint"), new("frozen_at", "text"), new("lifted_at", "text")],
        ["id"],
        f => [f.Id, f.AccountId, f.ProjectCode, f.Vintage, f.AuthorityReference, f.Quantity, f.FrozenAt, f.LiftedAt],
        r => new FreezeRow(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetInt32(3), r.GetString(4), r.GetInt64(5), r.GetString(6), NullableText(r, 7)));

    public static readonly TableSpec<CancellationRow> Cancellations = new("cancellations",
        [new("id", "bigint"), new("certificate_number", "text"), new("account_id", "bigint"), new("project_code", "text"),
         new("vintage", "integer"), new("purpose", "integer"), new("beneficiary", "text"), new("quantity", "bigint"),
         new("ranges", "text"), new("cancelled_at", "text")],
        ["id"],
        c => [c.Id, c.CertificateNumber, c.AccountId, c.ProjectCode, c.Vintage, c.Purpose, c.Beneficiary, c.Quantity, c.Ranges, c.CancelledAt],
        r => new CancellationRow(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetString(3), r.GetInt32(4), r.GetInt32(5), r.GetString(6), r.GetInt64(7), r.GetString(8), r.GetString(9)));

    /// <summary>Schema for both providers. Constraints repeat the ledger's invariants where SQL can state them.</summary>
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS journal (
            seq bigint PRIMARY KEY CHECK (seq >= 1),
            operation_id text NOT NULL UNIQUE,
            request_hash text NOT NULL,
            kind text NOT NULL,
            event text NOT NULL,
            recorded_at text NOT NULL,
            prev_hash text NOT NULL,
            hash text NOT NULL);
        CREATE TABLE IF NOT EXISTS accounts (
            id bigint PRIMARY KEY, kind integer NOT NULL, pair_id bigint NOT NULL, subject_id text NOT NULL,
            subject_name text NOT NULL, holder_type integer NOT NULL, state integer NOT NULL, freeze_reference text,
            opened_at text NOT NULL, UNIQUE (subject_id, kind));
        CREATE TABLE IF NOT EXISTS issuances (
            id bigint PRIMARY KEY, reference text NOT NULL UNIQUE, project_code text NOT NULL, vintage integer NOT NULL,
            first_serial bigint NOT NULL, last_serial bigint NOT NULL, account_id bigint NOT NULL, issued_at text NOT NULL,
            CHECK (first_serial >= 1 AND last_serial >= first_serial));
        CREATE TABLE IF NOT EXISTS blocks (
            id bigint PRIMARY KEY, issuance_id bigint NOT NULL, project_code text NOT NULL, vintage integer NOT NULL,
            first_serial bigint NOT NULL, last_serial bigint NOT NULL, account_id bigint NOT NULL, state integer NOT NULL,
            hold bigint NOT NULL, CHECK (first_serial >= 1 AND last_serial >= first_serial));
        CREATE INDEX IF NOT EXISTS blocks_by_account ON blocks (account_id, project_code, vintage);
        CREATE TABLE IF NOT EXISTS holdings (
            account_id bigint NOT NULL, project_code text NOT NULL, vintage integer NOT NULL,
            available bigint NOT NULL CHECK (available >= 0), reserved bigint NOT NULL CHECK (reserved >= 0),
            frozen bigint NOT NULL CHECK (frozen >= 0), cancelled bigint NOT NULL CHECK (cancelled >= 0),
            PRIMARY KEY (account_id, project_code, vintage));
        CREATE TABLE IF NOT EXISTS reservations (
            id bigint PRIMARY KEY, account_id bigint NOT NULL, project_code text NOT NULL, vintage integer NOT NULL,
            purpose text NOT NULL, quantity bigint NOT NULL, remaining bigint NOT NULL, created_at text NOT NULL,
            CHECK (remaining >= 0 AND remaining <= quantity));
        CREATE TABLE IF NOT EXISTS freezes (
            id bigint PRIMARY KEY, account_id bigint NOT NULL, project_code text NOT NULL, vintage integer NOT NULL,
            authority_reference text NOT NULL, quantity bigint NOT NULL CHECK (quantity > 0), frozen_at text NOT NULL,
            lifted_at text);
        CREATE TABLE IF NOT EXISTS cancellations (
            id bigint PRIMARY KEY, certificate_number text NOT NULL UNIQUE, account_id bigint NOT NULL,
            project_code text NOT NULL, vintage integer NOT NULL, purpose integer NOT NULL, beneficiary text NOT NULL,
            quantity bigint NOT NULL CHECK (quantity > 0), ranges text NOT NULL, cancelled_at text NOT NULL);
        CREATE TABLE IF NOT EXISTS projects (
            id text PRIMARY KEY, code text NOT NULL UNIQUE, owner_subject text NOT NULL, vvb_subject text,
            province text NOT NULL, methodology_code text NOT NULL, title text NOT NULL, phase text NOT NULL,
            state text NOT NULL, version integer NOT NULL, updated_at text NOT NULL);
        CREATE TABLE IF NOT EXISTS reductions (
            id text PRIMARY KEY, project_id text NOT NULL, vvb_subject text, phase text NOT NULL, state text NOT NULL,
            version integer NOT NULL, updated_at text NOT NULL);
        CREATE INDEX IF NOT EXISTS reductions_by_project ON reductions (project_id);
        CREATE TABLE IF NOT EXISTS lifecycle_events (
            seq bigint PRIMARY KEY, stream text NOT NULL, kind text NOT NULL, actor_role text NOT NULL, actor_org text,
            event_date text NOT NULL, reason text, event text NOT NULL, recorded_at text NOT NULL, prev_hash text NOT NULL,
            hash text NOT NULL UNIQUE);
        CREATE INDEX IF NOT EXISTS lifecycle_events_by_stream ON lifecycle_events (stream, seq);
        CREATE TABLE IF NOT EXISTS calendar_years (
            year integer PRIMARY KEY, csv text NOT NULL, added_at text NOT NULL);
        CREATE TABLE IF NOT EXISTS grid_factors (
            grid text NOT NULL, year integer NOT NULL, grid_zh text NOT NULL, om_tco2_per_mwh text NOT NULL,
            bm_tco2_per_mwh text NOT NULL, status text NOT NULL, source text NOT NULL, added_at text NOT NULL,
            added_by text NOT NULL, PRIMARY KEY (grid, year));
        CREATE TABLE IF NOT EXISTS api_keys (
            key_hash text PRIMARY KEY, role text NOT NULL, subject_id text, label text NOT NULL);
        CREATE TABLE IF NOT EXISTS compliance_entities (
            subject_id text PRIMARY KEY, name text NOT NULL, sector integer NOT NULL, province text NOT NULL,
            registered_at text NOT NULL);
        CREATE TABLE IF NOT EXISTS compliance_emissions (
            subject_id text NOT NULL, period integer NOT NULL, verified_tonnes bigint NOT NULL CHECK (verified_tonnes >= 0),
            recorded_at text NOT NULL, PRIMARY KEY (subject_id, period));
        CREATE TABLE IF NOT EXISTS compliance_allocations (
            operation_id text PRIMARY KEY, subject_id text NOT NULL, period integer NOT NULL,
            tonnes bigint NOT NULL CHECK (tonnes > 0), issuance_id bigint NOT NULL, allocated_at text NOT NULL);
        CREATE TABLE IF NOT EXISTS compliance_surrenders (
            operation_id text NOT NULL, line integer NOT NULL, subject_id text NOT NULL, period integer NOT NULL,
            unit_class integer NOT NULL, project_code text NOT NULL, vintage integer NOT NULL,
            tonnes bigint NOT NULL CHECK (tonnes > 0), certificate_number text NOT NULL UNIQUE, surrendered_at text NOT NULL,
            PRIMARY KEY (operation_id, line));
        CREATE INDEX IF NOT EXISTS compliance_surrenders_by_period ON compliance_surrenders (subject_id, period);
        CREATE TABLE IF NOT EXISTS offset_projects (
            project_code text PRIMARY KEY, under_ets_coverage integer NOT NULL, legacy integer NOT NULL, updated_at text NOT NULL);
        CREATE TABLE IF NOT EXISTS a6_authorizations (
            project_code text NOT NULL, vintage integer NOT NULL, reference text NOT NULL, first_transfer integer NOT NULL,
            authorized_at text NOT NULL, PRIMARY KEY (project_code, vintage));
        CREATE TABLE IF NOT EXISTS a6_transfers (
            operation_id text PRIMARY KEY, project_code text NOT NULL, vintage integer NOT NULL,
            tonnes bigint NOT NULL CHECK (tonnes > 0), acquiring_party text NOT NULL, foreign_registry text NOT NULL,
            corresponding_adjustment integer NOT NULL, certificate_number text NOT NULL UNIQUE,
            omge_tonnes bigint NOT NULL CHECK (omge_tonnes >= 0), omge_certificate_number text, transferred_at text NOT NULL);
        CREATE TABLE IF NOT EXISTS exchange_journal (
            seq bigint PRIMARY KEY CHECK (seq >= 1), operation_id text NOT NULL UNIQUE, request_hash text NOT NULL,
            kind text NOT NULL, command text NOT NULL, result text NOT NULL, at text NOT NULL, prev_hash text NOT NULL,
            hash text NOT NULL);
        CREATE TABLE IF NOT EXISTS exchange_settings (
            id integer PRIMARY KEY CHECK (id = 1), always_open_demo integer NOT NULL,
            fee_basis_points integer NOT NULL CHECK (fee_basis_points >= 0));
        CREATE TABLE IF NOT EXISTS exchange_instruments (
            project_code text NOT NULL, vintage integer NOT NULL, listed_by bigint NOT NULL,
            initial_price_fen bigint NOT NULL CHECK (initial_price_fen > 0), listed_at text NOT NULL, tradable_from text NOT NULL,
            PRIMARY KEY (project_code, vintage));
        CREATE TABLE IF NOT EXISTS exchange_trades (
            project_code text NOT NULL, vintage integer NOT NULL, trade_id bigint NOT NULL, method text NOT NULL,
            buyer_id bigint NOT NULL, seller_id bigint NOT NULL, price_fen bigint NOT NULL CHECK (price_fen > 0),
            quantity bigint NOT NULL CHECK (quantity > 0), turnover_fen bigint NOT NULL, buyer_fee_fen bigint NOT NULL,
            seller_fee_fen bigint NOT NULL, at text NOT NULL, trade_date text NOT NULL, settled_at text,
            settlement_date text, PRIMARY KEY (project_code, vintage, trade_id));
        CREATE INDEX IF NOT EXISTS exchange_trades_by_date ON exchange_trades (trade_date);
        CREATE INDEX IF NOT EXISTS exchange_trades_by_settlement ON exchange_trades (settlement_date);
        CREATE TABLE IF NOT EXISTS cash_accounts (
            participant_id bigint PRIMARY KEY, balance_fen bigint NOT NULL CHECK (balance_fen >= 0),
            held_fen bigint NOT NULL CHECK (held_fen >= 0 AND held_fen <= balance_fen));
        CREATE TABLE IF NOT EXISTS cash_postings (
            id bigint PRIMARY KEY, participant_id bigint NOT NULL, kind text NOT NULL, amount_fen bigint NOT NULL,
            balance_fen bigint NOT NULL CHECK (balance_fen >= 0), reference text NOT NULL, at text NOT NULL);
        CREATE INDEX IF NOT EXISTS cash_postings_by_participant ON cash_postings (participant_id, id);
        """;
}
