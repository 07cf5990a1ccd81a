import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useDocumentTitle } from '@/components/use-document-title';
import { BoardCase } from '@/features/emergency/components/board-case';

/** A case's channel for the emergency department. */
export default function BoardCaseRoute(): ReactNode {
  const { t } = useTranslation('emergency');
  const { caseId = '' } = useParams();
  useDocumentTitle(t('board.caseTitle'));
  return <BoardCase key={caseId} caseId={caseId} />;
}
