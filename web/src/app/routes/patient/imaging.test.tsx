import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { dicomEngine, type DicomViewport } from '@/features/imaging/lib/dicom-engine';
import { uploadTransport } from '@/features/imaging/api/upload-study';
import type { WindowLevel } from '@/features/imaging/lib/window-presets';
import { ApiError } from '@/lib/api-client';
import { findPageHeading, renderApp } from '@/testing/test-utils';

const PATIENT_ID = 'patient-1';
const me = { patients: [{ id: PATIENT_ID, name: '张伟', relationship: 'Self' as const }] };
const CT = '1.2.826.0.1.3680043.8.498.10';
const CR = '1.2.826.0.1.3680043.8.498.20';
const OUTSIDE = '1.2.826.0.1.3680043.8.498.30';
const SERIES = `${CT}.1`;

const study = (over: Record<string, unknown>): Record<string, unknown> => ({
  studyInstanceUid: CT, studyDate: '2026-10-12', description: 'Chest', modalities: 'CT', accessionNumber: 'A1', seriesCount: 1, instanceCount: 3,
  source: 'hospital', report: null, ...over,
});

const studies = [
  study({ studyInstanceUid: CR, studyDate: '2025-03-01', description: 'Knee', modalities: 'CR', instanceCount: 1 }),
  study({ report: { conclusion: 'No nodules. Lungs clear.', issuedAt: '2026-10-12T06:00:00Z', author: '王放射' } }),
  study({ studyInstanceUid: OUTSIDE, studyDate: null, description: 'Head', source: 'shared' }),
];

const detail = {
  ...study({ report: { conclusion: 'No nodules. Lungs clear.', issuedAt: '2026-10-12T06:00:00Z', author: '王放射' } }),
  series: [
    {
      seriesInstanceUid: SERIES, modality: 'CT', description: 'Axial', number: 1,
      // Note: out of order on purpose: the viewer pages by instance number.
      instances: [3, 1, 2].map((n) => ({ sopInstanceUid: `${SERIES}.${n}`, number: n, frames: 1 })),
    },
  ],
};

const base = `/api/patients/${PATIENT_ID}/imaging/studies`;
const instanceRoutes = Object.fromEntries(
  [1, 2, 3].map((n) => [`GET ${base}/${CT}/series/${SERIES}/instances/${SERIES}.${n}`, () => new Response(new Uint8Array([n]), { headers: { 'Content-Type': 'application/dicom' } })]),
);

function fakeViewport(): DicomViewport & { shown: string[] } {
  let window = { center: 50, width: 350 };
  const shown: string[] = [];
  return {
    shown,
    show: vi.fn(async (file: File, chosen: WindowLevel | null) => {
      shown.push(file.name);
      if (chosen) window = chosen;
    }),
    getWindow: () => window,
    setWindow: vi.fn((next: WindowLevel) => {
      window = next;
    }),
    setMode: vi.fn(),
    zoom: vi.fn(),
    reset: vi.fn(() => {
      window = { center: 50, width: 350 };
    }),
    resize: vi.fn(),
    onWindowChange: vi.fn(),
    dispose: vi.fn(),
  };
}

describe('Imaging (patient)', () => {
  it('lists studies newest first under the Imaging tab with the report conclusion, and marks outside studies', async () => {
    await renderApp({ route: '/results?tab=imaging', roles: ['Patient'], me, api: { [`GET ${base}`]: studies } });
    await findPageHeading('Test results');
    const list = await screen.findByRole('list', { name: 'Imaging studies' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('heading').textContent)).toEqual(['CT · Chest', 'CR · Knee', 'CT · Head']);
    expect(within(items[0]!).getByText('Conclusion: No nodules. Lungs clear.')).toBeInTheDocument();
    expect(within(items[0]!).getByRole('link', { name: 'CT · Chest' })).toHaveAttribute('href', `/results/imaging/${CT}`);
    expect(within(items[1]!).getByText('No report yet')).toBeInTheDocument();
    expect(within(items[2]!).getByText('From outside')).toBeInTheDocument();
    expect(within(items[2]!).getByText(/Date unknown/)).toBeInTheDocument();
  });

  it('shows the lab reports by default and the imaging tab in Chinese', async () => {
    const { user } = await renderApp({
      route: '/results',
      language: 'zh-CN',
      roles: ['Patient'],
      me,
      api: { [`GET /api/patients/${PATIENT_ID}/results`]: { patientId: PATIENT_ID, hisLinked: true, hisStale: false, items: [] }, [`GET ${base}`]: [] },
    });
    await user.click(await screen.findByRole('tab', { name: '检查/影像' }));
    expect(await screen.findByText('暂无影像检查')).toBeInTheDocument();
  });

  it('pages through the slices in order, keeps the chosen window while paging, and resets', async () => {
    const viewport = fakeViewport();
    vi.spyOn(dicomEngine, 'create').mockResolvedValue(viewport);
    const { user } = await renderApp({ route: `/results/imaging/${CT}`, roles: ['Patient'], me, api: { [`GET ${base}/${CT}`]: detail, ...instanceRoutes } });
    await findPageHeading('Imaging study');

    const slider = await screen.findByRole('slider', { name: /CT image 1 of 3/ });
    await waitFor(() => expect(slider).toHaveAttribute('data-state', 'shown'));
    expect(viewport.shown).toEqual([`${SERIES}.1.dcm`]);
    expect(screen.getByText('Image 1 of 3', { selector: 'p' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Radiology report' })).toBeInTheDocument();
    expect(screen.getByText('No nodules. Lungs clear.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous image' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Lung' }));
    expect(viewport.setWindow).toHaveBeenLastCalledWith({ id: 'lung', center: -600, width: 1500 });
    expect(screen.getByRole('button', { name: 'Lung' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(screen.getByRole('button', { name: 'Next image' }));
    await waitFor(() => expect(viewport.shown).toEqual([`${SERIES}.1.dcm`, `${SERIES}.2.dcm`]));
    expect(vi.mocked(viewport.show).mock.calls[1]![1]).toMatchObject({ center: -600, width: 1500 });
    expect(screen.getByText('Image 2 of 3', { selector: 'p' })).toBeInTheDocument();

    // The keyboard pages too (the image is a slider over the series).
    slider.focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(viewport.shown.at(-1)).toBe(`${SERIES}.3.dcm`));
    expect(screen.getByRole('button', { name: 'Next image' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(viewport.zoom).toHaveBeenCalledWith(0.25);
    await user.click(screen.getByRole('radio', { name: 'Move & zoom' }));
    expect(viewport.setMode).toHaveBeenLastCalledWith('pan');
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(viewport.reset).toHaveBeenCalled();
    expect(screen.getByText('Window: W 350 / L 50')).toBeInTheDocument();
  });

  it('says so when an image cannot be read, and tries again', async () => {
    const viewport = fakeViewport();
    vi.mocked(viewport.show).mockRejectedValueOnce(new Error('not DICOM'));
    vi.spyOn(dicomEngine, 'create').mockResolvedValue(viewport);
    const { user } = await renderApp({ route: `/results/imaging/${CT}`, roles: ['Patient'], me, api: { [`GET ${base}/${CT}`]: detail, ...instanceRoutes } });
    expect(await screen.findByRole('alert')).toHaveTextContent('This image could not be shown.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('slider', { name: /CT image 1 of 3/ })).toHaveAttribute('data-state', 'shown'));
  });

  it('uploads an outside study for a consultation with progress, and translates the server problem', async () => {
    const send = vi.spyOn(uploadTransport, 'send');
    send.mockImplementationOnce(async (_path, _form, onProgress) => {
      onProgress?.(0.5);
      throw new ApiError(422, { status: 422, code: 'imaging_patient_mismatch' });
    });
    send.mockImplementationOnce(async () => ({ studyInstanceUid: OUTSIDE, stored: 12, duplicates: 2, description: 'Head CT' }));
    const { user } = await renderApp({
      route: '/results/imaging/share',
      roles: ['Patient'],
      me,
      api: { [`GET /api/appointments`]: { items: [], page: 1, pageSize: 20, total: 0 } },
    });
    await findPageHeading('Share a study from another hospital');
    const file = new File([new Uint8Array([1, 2, 3])], 'cd.zip', { type: 'application/zip' });
    // Note: Mantine's FileInput is a button over a hidden file input.
    await user.upload(document.querySelector<HTMLInputElement>('input[type="file"]')!, file);
    expect(screen.getByRole('button', { name: /Study file/ })).toHaveTextContent('cd.zip');
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This study is not of this patient');
    expect(send.mock.calls[0]![0]).toBe(`/api/patients/${PATIENT_ID}/imaging/uploads`);
    expect(send.mock.calls[0]![1].get('file')).toBeInstanceOf(File);

    await user.click(screen.getByRole('button', { name: 'Upload' }));
    expect(await screen.findByText(/Shared: 12 images stored, 2 already there\./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See it in your imaging' })).toHaveAttribute('href', '/results?tab=imaging');
  });
});
