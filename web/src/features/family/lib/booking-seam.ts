/**
 * The seam to the booking feature: where a doctor books a video follow-up visit for a patient from a follow-up
 * task. The booking page (app route `/panel/patients/:patientId/book-follow-up`) takes the patient and the task;
 * when it books, the server publishes FollowUpVisitBooked and the task shows the visit.
 *
 * A function rather than a constant so that the button is only offered where a page exists (null hides it).
 */
export const videoFollowUpBookingPath: ((patientId: string, taskId: string) => string) | null = (patientId, taskId) =>
  `/panel/patients/${encodeURIComponent(patientId)}/book-follow-up?taskId=${encodeURIComponent(taskId)}`;
