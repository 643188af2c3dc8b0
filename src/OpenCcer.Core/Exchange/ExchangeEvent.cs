using System.Text.Json.Serialization;

namespace OpenCcer.Core.Exchange;

/// <summary>
/// What an accepted exchange command did, in order. Events carry every amount the shell must apply to
/// the registry and the cash ledger (units and funds to reserve, release or settle), so applying them
/// needs no knowledge of the rules. Discriminators and fields are stable: events are journaled.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ListingPosted), "listing_posted")]
[JsonDerivedType(typeof(ListingTaken), "listing_taken")]
[JsonDerivedType(typeof(ListingCancelled), "listing_cancelled")]
[JsonDerivedType(typeof(ListingExpired), "listing_expired")]
[JsonDerivedType(typeof(BulkProposed), "bulk_proposed")]
[JsonDerivedType(typeof(BulkConfirmed), "bulk_confirmed")]
[JsonDerivedType(typeof(BulkDeclined), "bulk_declined")]
[JsonDerivedType(typeof(BulkExpired), "bulk_expired")]
[JsonDerivedType(typeof(BiddingAnnounced), "bidding_announced")]
[JsonDerivedType(typeof(BidPlaced), "bid_placed")]
[JsonDerivedType(typeof(BidAllocated), "bid_allocated")]
[JsonDerivedType(typeof(BiddingClosed), "bidding_closed")]
[JsonDerivedType(typeof(InstrumentSuspended), "instrument_suspended")]
[JsonDerivedType(typeof(InstrumentResumed), "instrument_resumed")]
[JsonDerivedType(typeof(SubjectRestricted), "subject_restricted")]
[JsonDerivedType(typeof(SubjectRestrictionLifted), "subject_restriction_lifted")]
[JsonDerivedType(typeof(SurveillanceFlagged), "surveillance_flagged")]
[JsonDerivedType(typeof(LargeHolderReported), "large_holder_reported")]
[JsonDerivedType(typeof(DayClosed), "day_closed")]
public abstract record ExchangeEvent(DateTimeOffset At);
