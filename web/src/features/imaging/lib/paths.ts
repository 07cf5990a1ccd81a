/**
 * Who reads the images: the patient (or someone acting for them) under /api/patients, a doctor treating them under
 * /api/doctor/patients. The routes below the patient are the same on both sides (the imaging contract of issue 16).
 */
export type ImagingSide = 'patient' | 'doctor';

export function imagingBase(side: ImagingSide, patientId: string): string {
  const patient = encodeURIComponent(patientId);
  return side === 'doctor' ? `/api/doctor/patients/${patient}/imaging` : `/api/patients/${patient}/imaging`;
}

export function studyPath(side: ImagingSide, patientId: string, studyUid: string): string {
  return `${imagingBase(side, patientId)}/studies/${encodeURIComponent(studyUid)}`;
}

export interface InstanceRef {
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
}

export function instancePath(side: ImagingSide, patientId: string, ref: InstanceRef): string {
  return `${studyPath(side, patientId, ref.studyInstanceUid)}/series/${encodeURIComponent(ref.seriesInstanceUid)}/instances/${encodeURIComponent(ref.sopInstanceUid)}`;
}

/** The server's rendering of one frame (JPEG or PNG): thumbnails and the image shared into a call. */
export function renderedFramePath(side: ImagingSide, patientId: string, ref: InstanceRef, frame = 1): string {
  return `${instancePath(side, patientId, ref)}/frames/${frame}/rendered`;
}

export const imagingQueryKey = ['imaging'] as const;
