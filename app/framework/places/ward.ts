export interface WardOption {
  code: string;
  name: string;
  areaCommittee: string;
}
