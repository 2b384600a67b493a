/**
 * Content Manager hook (`Admin/CM/pages/EditView/mutate-edit-view-layout`): takes the `ownerSite`
 * text box out of the edit form. The owning site is chosen in the Site panel's tree picker (the
 * editor's sites only), which sets the same form value, so no site code is ever typed. The value is
 * still in the form and saved with the document; the server checks it (403 outside the editor's sites).
 */
const OWNER_FIELD = 'ownerSite';

type Row = { name: string }[];

export const hideOwnerField = <L extends { layout: Row[][] }>({ layout, ...rest }: { layout: L }) => ({
  ...rest,
  layout: {
    ...layout,
    layout: layout.layout.map((panel) => panel.map((row) => row.filter((field) => field.name !== OWNER_FIELD)).filter((row) => row.length > 0)),
  },
});
