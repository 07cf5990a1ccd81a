/**
 * The seam to the booking feature: where a doctor books a video follow-up visit for a patient from a follow-up
 * task. The booking feature's staff-initiated booking page takes the patient and the task; when it books, it
 * publishes FollowUpVisitBooked (server side) and the task shows the visit.
 *
 * Null until that page exists: the button is not offered rather than leading nowhere.
 */
export const videoFollowUpBookingPath: ((patientId: string, taskId: string) => string) | null = null;
