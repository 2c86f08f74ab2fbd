import { DatabaseOutlined, ExperimentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, List, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../../electron/api/contract';
import type { WorkspaceSummary } from '../../../../electron/api/schemas/workspace-schemas';
import { useProcedureMutation } from '../../api/hooks';
import { useErrorText } from '../../app/useErrorText';
import { CreateWorkspaceForm } from './CreateWorkspaceForm';

interface Props {
  workspaces: WorkspaceSummary[];
  defaultDirectory: string;
  onCreated: (created: ProcedureOutput<'workspace.create'>) => void;
  onOpen: (path: string) => void;
}

export function FirstRunScreen({ workspaces, defaultDirectory, onCreated, onOpen }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const openDemo = useProcedureMutation('workspace.openDemo', {
    onSuccess: (demo) => onOpen(demo.path),
  });

  return (
    <div style={{ width: '100%', maxWidth: 1120 }}>
      <Typography.Title level={2}>{t('workspace.firstRunTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('workspace.firstRunSubtitle')}
      </Typography.Paragraph>
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={14}>
          <Card
            title={
              <span>
                <DatabaseOutlined /> {t('workspace.createTitle')}
              </span>
            }
          >
            <Typography.Paragraph type="secondary">
              {t('workspace.createDescription')}
            </Typography.Paragraph>
            <CreateWorkspaceForm defaultDirectory={defaultDirectory} onCreated={onCreated} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card
            title={
              <span>
                <ExperimentOutlined /> {t('workspace.demoTitle')}
              </span>
            }
          >
            <Typography.Paragraph type="secondary">
              {t('workspace.demoDescription')}
            </Typography.Paragraph>
            {openDemo.isError && <Alert type="error" showIcon title={errorText(openDemo.error)} />}
            <Button
              type="primary"
              ghost
              loading={openDemo.isPending}
              onClick={() => openDemo.mutate({})}
              data-testid="open-demo"
            >
              {t('workspace.openDemo')}
            </Button>
          </Card>
          {workspaces.length > 0 && (
            <Card title={t('workspace.knownTitle')} style={{ marginTop: 24 }}>
              <List
                dataSource={workspaces}
                renderItem={(workspace) => (
                  <List.Item
                    actions={[
                      <Button
                        key="open"
                        size="small"
                        disabled={!workspace.available}
                        onClick={() => onOpen(workspace.path)}
                      >
                        {t('common.open')}
                      </Button>,
                    ]}
                  >
                    <List.Item.Meta
                      title={`${workspace.name}${workspace.available ? '' : ` ${t('workspace.unavailable')}`}`}
                      description={workspace.path}
                    />
                  </List.Item>
                )}
              />
            </Card>
          )}
        </Col>
      </Row>
    </div>
  );
}
