using System.Collections.Frozen;

namespace InternetHospital.Application.Common;

/// <summary>
/// Every <c>code</c> a problem response of the API can carry, with the HTTP status it comes with. Clients translate
/// these codes (the SPA under <c>errors:codes.*</c> in web/src/locales), so a code is a contract: add new ones here
/// with their translations, never rename one. ProblemCodeCatalogueTests checks that every code raised anywhere in
/// the server is listed here and translated in both languages.
/// </summary>
public static class ProblemCodes
{
    // Generic codes: what a problem without a more precise reason carries (chosen by its status).
    public const string ValidationFailed = "validation_failed";
    public const string BadRequest = "bad_request";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string Conflict = "conflict";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string RuleViolated = "rule_violated";
    public const string RateLimited = "rate_limited";
    public const string ServerError = "server_error";
    public const string ServiceUnavailable = "service_unavailable";

    /// <summary>Field code of a body that is not well-formed JSON, or a value of the wrong type.</summary>
    public const string InvalidJson = "invalid_json";
    public const string InvalidValue = "invalid_value";

    private static readonly (int Status, string[] Codes)[] ByStatus =
    [
        (400, [ValidationFailed, BadRequest, "invalid_signature", "invalid_webhook_body", "payment_amount_mismatch", "reauthentication_failed", "wrong_password"]),
        (401, [Unauthorized, "invalid_credentials", "invalid_code",
            "invalid_sms_code"]),
        (403, [Forbidden, "account_disabled", "locked_out", "not_a_doctor", "not_treating_doctor", "not_your_schedule", "identity_check_required", "not_signed_in",
            "health_code_purpose_not_allowed", "not_staff_of_institution", "institution_scope_denied",
            "not_referral_receiver", "not_referral_sender",
            "not_consultation_specialist", "not_consultation_requester",
            "emergency_sync_headers_required", "emergency_not_crew", "emergency_not_department_staff",
            "guest_invite_not_allowed",
            "recording_access_denied",
            "recording_other_institution",
            "broadcast_viewer_not_staff"]),
        (404, [NotFound, "no_such_endpoint"]),
        (405, [MethodNotAllowed]),
        (409,
        [
            Conflict, "concurrency_conflict",
            "legal_hold_exists", "legal_hold_released", "own_account", "role_not_assignable", "two_factor_already_enabled", "two_factor_not_enabled",
            "access_already_revoked", "alert_already_acknowledged", "already_team_member", "already_waiting", "application_pending",
            "appointment_not_booked", "appointment_not_cancellable", "appointment_not_checked_in", "appointment_not_in_progress",
            "appointment_not_reschedulable", "cannot_remove_lead", "connection_closed", "contract_already_active", "contract_not_active",
            "contract_not_pending", "duplicate_department_code", "duplicate_email", "duplicate_id_number", "duplicate_mobile", "duplicate_package_code",
            "follow_up_already_ordered", "his_message_in_delivery", "his_message_not_dead_lettered", "his_message_not_discardable",
            "his_message_not_pending", "his_patient_already_linked", "his_review_resolved", "hold_expired", "illegal_transition", "invalid_delivery_status",
            "lead_not_member", "not_awaiting_payment", "not_awaiting_review", "not_in_call", "not_in_room", "not_on_duty",
            "not_reinstatable", "not_team_member", "note_signed", "overlapping_appointment", "package_changed", "payment_not_pending", "payment_method_locked",
            "payment_not_refundable", "payment_required", "peer_not_in_call", "plan_already_active", "plan_not_active",
            "renewal_already_requested", "result_already_released", "renewal_not_awaiting_doctor", "renewal_not_awaiting_payment", "renewal_not_awaiting_pickup",
            "renewal_not_awaiting_review", "renewal_not_cancellable", "renewal_not_in_delivery", "renewal_not_ready_to_dispense",
            "renewal_not_requested", "renewal_reminder_not_due", "same_doctor_same_day", "slot_not_available", "slot_taken",
            "slots_available", "specialist_already_invited", "task_not_due", "task_not_open", "team_changed", "visit_already_admitted",
            "visit_finished", "visit_not_admitted", "visit_not_finished", "waitlist_not_waiting",
            "member_limit_reached", "member_already_added", "guardian_limit_reached", "invitation_not_pending", "invitation_expired",
            "health_code_replayed", "health_code_no_static_code",
            "referral_wrong_state", "duplicate_institution_code",
            "consultation_wrong_state", "visit_is_consultation",
            "emergency_sequence_gap", "emergency_sequence_taken", "emergency_idempotency_key_reused", "emergency_case_id_taken", "emergency_case_closed", "emergency_patient_already_known", "emergency_already_accepted", "emergency_timeline_already_recorded",
            "duplicate_ambulance_service_code", "crew_in_another_service", "already_on_pathway_team",
            "signalling_not_used",
            "guest_link_used", "guest_link_revoked", "guest_link_expired", "guest_not_arrived", "guest_not_admitted",
            "broadcast_needs_media_server", "broadcast_already_live", "broadcast_ended", "broadcast_full",
            "broadcast_camera_not_live",
        ]),
        (413, [PayloadTooLarge]),
        (415, [UnsupportedMediaType]),
        (416, ["range_not_satisfiable"]),
        (422,
        [
            RuleViolated,
            "imaging_not_dicom", "imaging_unsafe_archive", "imaging_several_studies", "imaging_too_large", "imaging_patient_mismatch",
            "addendum_empty", "appointment_not_started", "appointment_over", "authenticator_code_required", "block_ends_before_it_starts",
            "block_in_the_past", "call_full", "cannot_invite_self", "cannot_prescribe_for_self", "carrier_required", "check_in_not_open",
            "conversation_closed", "days_supply_invalid", "days_supply_over_drug_maximum", "days_supply_over_limit",
            "delivery_address_required", "department_not_in_facility", "his_endpoint_required", "doctor_needs_a_language", "doctor_not_eligible",
            "doctor_not_eligible_for_video", "drug_not_in_catalogue", "due_date_in_past", "duplicate_items", "follow_up_required",
            "his_candidate_unknown", "identity_check_failed", "implausible_measurement", "invalid_amount", "invalid_fee", "invalid_icd10_range", "invalid_line",
            "invalid_refund_amount", "invalid_slot_length", "justification_required", "lines_must_match_items", "locked_out",
            "message_empty", "message_too_long", "no_family_doctor", "no_items", "not_a_family_doctor", "not_a_video_visit",
            "not_on_duty", "not_previously_prescribed", "not_treating_doctor", "note_incomplete", "note_missing", "note_required",
            "open_request_exists", "package_not_offered", "pickup_code_mismatch", "proof_required", "reason_required",
            "referral_detail_required", "renewal_not_open", "reschedule_other_doctor", "reschedule_same_slot",
            "session_ends_before_it_starts", "session_shorter_than_a_slot", "session_without_visit_type", "sessions_overlap",
            "slot_in_the_past", "special_control_drug", "subject_required", "team_not_accepting", "too_late_for_review", "too_many_observations",
            "too_late_to_change", "too_many_attachments", "too_many_diagnoses", "too_many_holds", "too_many_participants",
            "tracking_number_required", "unknown_condition", "unknown_doctor", "unknown_package", "visit_type_not_offered", "waitlist_date_past",
            "id_invalid", "identity_mismatch", "guardian_presence_required", "access_end_in_past", "scopes_required", "guardian_not_revocable",
            "share_not_applicable", "not_a_guardian",
            "dicom_rejected",
            "health_code_expired", "health_code_invalid", "health_code_revoked", "health_code_pin_required", "health_code_pin_wrong",
            "health_code_pin_locked", "health_code_pin_not_set", "health_code_scan_not_valid",
            "referral_department_closed", "referral_reason_required", "referral_same_institution", "referral_too_many_items",
            "invalid_release_hours", "referral_up_from_community", "referral_down_from_hospital", "referral_no_family_contract",
            "referral_slot_not_reserved",
            "consultation_consent_required", "consultation_question_required", "consultation_same_institution", "consultation_specialist_required",
            "consultation_one_institution", "consultation_opinion_required", "not_consultation_lead",
            "payment_method_unavailable", "reconciliation_day_not_over",
            "emergency_vitals_out_of_range", "emergency_destination_required", "emergency_destination_unknown", "emergency_patient_unknown", "emergency_no_family", "emergency_patient_not_found", "emergency_timeline_kind_not_allowed", "emergency_timeline_out_of_order", "emergency_time_in_future", "emergency_pathway_has_no_team", "emergency_printed_code_not_accepted",
            "crew_needs_paramedic_role", "not_receiving_hospital",
            "wechat_authorization_failed",
            "broadcast_consent_missing", "broadcast_commentator_not_in_call",
        ]),
        (429, [RateLimited]),
        (500, [ServerError]),
        (503, [ServiceUnavailable, "his_unavailable", "imaging_unavailable", "payment_provider_unavailable",
            "media_unavailable"]),
    ];

    /// <summary>Every code with the statuses it is answered with (a few reasons occur at two statuses).</summary>
    public static readonly FrozenDictionary<string, int[]> All = ByStatus
        .SelectMany(group => group.Codes.Select(code => (Code: code, group.Status)))
        .GroupBy(entry => entry.Code, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.Select(e => e.Status).Order().ToArray(), StringComparer.Ordinal);

    public static bool IsKnown(string? code) => code is not null && All.ContainsKey(code);

    /// <summary>The generic code of a problem that names no reason of its own.</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => BadRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        422 => RuleViolated,
        429 => RateLimited,
        503 => ServiceUnavailable,
        >= 500 => ServerError,
        _ => BadRequest,
    };
}
