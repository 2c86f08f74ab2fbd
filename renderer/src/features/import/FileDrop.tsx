import { InboxOutlined } from '@ant-design/icons';
import { Upload } from 'antd';
import type { PickedFile } from './import-wizard';
import { readFileBase64 } from './read-file';

/** Drop or pick one file; it is read here, never uploaded anywhere. */
export function FileDrop({
  accept,
  file,
  prompt,
  onPick,
}: {
  accept: string;
  file: PickedFile | undefined;
  prompt: string;
  onPick: (file: PickedFile) => void;
}) {
  return (
    <Upload.Dragger
      accept={accept}
      maxCount={1}
      showUploadList={false}
      beforeUpload={(picked) => {
        void readFileBase64(picked).then((contentBase64) =>
          onPick({ name: picked.name, contentBase64 }),
        );
        return false;
      }}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p>{file ? file.name : prompt}</p>
    </Upload.Dragger>
  );
}
