import { addDays, todayIn } from '@/lib/date-time';

/** A doctor's calendar for the follow-up picker: tomorrow and the day after, with free, taken, blocked and in-person-only slots. */
export function followUpCalendar(): object {
  const today = todayIn('Asia/Shanghai');
  const day1 = addDays(today, 1);
  const day2 = addDays(today, 2);
  // 01:00Z and 02:00Z are 09:00 and 10:00 in Shanghai.
  const slot = (id: string, date: string, hour: number, extra: object = {}): object => ({
    id,
    start: `${date}T0${hour - 8}:00:00Z`,
    end: `${date}T0${hour - 8}:30:00Z`,
    status: 'Open',
    offersInPerson: true,
    offersVideo: true,
    sessionId: 'ses-1',
    appointment: null,
    ...extra,
  });
  return {
    doctorId: 'doc-1',
    doctorName: '李伟',
    timeZone: 'Asia/Shanghai',
    cancelledAppointments: 0,
    days: [
      { date: today, slots: [] },
      {
        date: day1,
        slots: [
          slot('free-1', day1, 9),
          slot('taken-1', day1, 10, { appointment: { id: 'a1', patientId: 'p2', patientName: '张伟', visitType: 'Video', status: 'Booked' } }),
          slot('blocked-1', day1, 11, { status: 'Blocked' }),
        ],
      },
      { date: day2, slots: [slot('inperson-2', day2, 9, { offersVideo: false }), slot('free-2', day2, 10)] },
    ],
  };
}

export function followUpDays(): { day1: string; day2: string } {
  const today = todayIn('Asia/Shanghai');
  return { day1: addDays(today, 1), day2: addDays(today, 2) };
}
